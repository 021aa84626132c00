using System.Net;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Dicom.Network.Server;

/// <summary>Checks <see cref="DicomServerOptions"/> at start-up and reports every bad key at once, each by its configuration path.</summary>
public sealed class DicomServerOptionsValidator : IValidateOptions<DicomServerOptions>
{
    /// <summary>
    /// Transfer syntaxes the storage SCP can take in: the uncompressed ones (big endian is retired but still read) and
    /// the lossless codecs Edge decodes. Deflated is left out: its PDV bytes are one deflate stream, which Edge does
    /// not unpack while streaming to disk.
    /// </summary>
    public static IReadOnlySet<string> AcceptableTransferSyntaxes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        DicomTransferSyntax.ExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRBigEndian.Uid,
        DicomTransferSyntax.JpegLosslessSV1.Uid,
        DicomTransferSyntax.JpegLossless14.Uid,
        DicomTransferSyntax.RleLossless.Uid,
    };

    /// <summary>No timer needs more than an hour; larger values are typing mistakes (ms for s).</summary>
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, DicomServerOptions options)
    {
        IReadOnlyList<string> errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Validate(DicomServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Check(bool ok, string key, string rule, object? was)
        {
            if (!ok)
            {
                errors.Add($"{DicomServerOptions.SectionName}:{key}: {rule} (was {Show(was)})");
            }
        }

        Check(AeTitles.IsValid(options.AeTitle), nameof(options.AeTitle), "must be 1-16 characters, no backslash or control characters, not only spaces", options.AeTitle);
        Check(options.Port is >= 0 and <= 65535, nameof(options.Port), "must be 1-65535, or 0 for any free port", options.Port);
        Check(IPAddress.TryParse(options.BindAddress, out _), nameof(options.BindAddress), "must be an IP address such as 0.0.0.0 or ::", options.BindAddress);
        Check(!string.IsNullOrWhiteSpace(options.StorageRoot), nameof(options.StorageRoot), "must name the directory received instances are stored under", options.StorageRoot);
        Check(options.MaxAssociations is >= 1 and <= 1000, nameof(options.MaxAssociations), "must be 1-1000", options.MaxAssociations);
        Check(options.MaxPduLength is >= 4096 and <= 16 * 1024 * 1024, nameof(options.MaxPduLength), "must be 4096-16777216 bytes", options.MaxPduLength);
        Check(options.MaxMessageBytes >= 1024, nameof(options.MaxMessageBytes), "must be at least 1024 bytes", options.MaxMessageBytes);
        long needed = Math.Max(options.MaxPduLength, PduLimits.DefaultMaxAssociatePduLength) + PduReader.HeaderLength;
        Check(options.InFlightMemoryLimit >= needed, nameof(options.InFlightMemoryLimit),
            $"must be at least {needed} bytes, one whole PDU of the largest kind", options.InFlightMemoryLimit);
        CheckTimeout(options.ArtimTimeout, nameof(options.ArtimTimeout));
        CheckTimeout(options.AssociationRequestTimeout, nameof(options.AssociationRequestTimeout));
        CheckTimeout(options.DimseTimeout, nameof(options.DimseTimeout));
        CheckTimeout(options.SocketTimeout, nameof(options.SocketTimeout));
        for (int i = 0; i < options.AllowedCallingAeTitles.Count; i++)
        {
            string entry = options.AllowedCallingAeTitles[i];
            Check(AllowedCaller.TryParse(entry ?? string.Empty, out _), $"{nameof(options.AllowedCallingAeTitles)}:{i}",
                "must be AE or AE@host with a valid AE title", entry);
        }

        Check(Enum.IsDefined(options.DuplicatePolicy), nameof(options.DuplicatePolicy),
            $"must be one of {string.Join(", ", Enum.GetNames<DuplicatePolicy>())}", options.DuplicatePolicy);
        Check(options.MinimumFreeDiskBytes >= 0, nameof(options.MinimumFreeDiskBytes), "must not be negative", options.MinimumFreeDiskBytes);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.TransferSyntaxes.Count; i++)
        {
            string uid = options.TransferSyntaxes[i];
            Check(uid is not null && AcceptableTransferSyntaxes.Contains(uid), $"{nameof(options.TransferSyntaxes)}:{i}",
                $"must be a transfer syntax Edge can decode: {string.Join(", ", AcceptableTransferSyntaxes)}", uid);
            Check(uid is null || seen.Add(uid), $"{nameof(options.TransferSyntaxes)}:{i}", "is listed twice", uid);
        }

        for (int i = 0; i < options.SopClasses.Count; i++)
        {
            Check(DicomUidSyntax.IsValid(options.SopClasses[i]), $"{nameof(options.SopClasses)}:{i}", "must be a UID", options.SopClasses[i]);
        }

        return errors;

        void CheckTimeout(TimeSpan value, string key) =>
            Check(value > TimeSpan.Zero && value <= MaxTimeout, key, "must be between 00:00:00.001 and 01:00:00", value);
    }

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
