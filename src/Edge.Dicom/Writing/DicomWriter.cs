using System.Buffers;
using System.IO.Compression;

namespace Edge.Dicom;

/// <summary>Writes Part 10 files (PS3.10 §7.1) and bare datasets (PS3.5 §7).</summary>
public static class DicomWriter
{
    /// <summary>Edge's implementation class UID: a UUID-derived OID (PS3.5 §B.2), needing no registered root.</summary>
    public const string ImplementationClassUid = "2.25.236418097523431590519452453611437870929";

    /// <summary>(0002,0013): at most 16 characters (SH).</summary>
    public const string ImplementationVersionName = "EDGE_0.1";

    private static readonly DicomTag MetaGroupLength = new(0x0002, 0x0000);
    private static readonly DicomTag MetaVersion = new(0x0002, 0x0001);
    private static readonly DicomTag MediaStorageSopClass = new(0x0002, 0x0002);
    private static readonly DicomTag MediaStorageSopInstance = new(0x0002, 0x0003);
    private static readonly DicomTag TransferSyntaxUid = new(0x0002, 0x0010);
    private static readonly DicomTag ImplementationClass = new(0x0002, 0x0012);
    private static readonly DicomTag ImplementationVersion = new(0x0002, 0x0013);
    private static readonly DicomTag SourceAeTitle = new(0x0002, 0x0016);
    private static readonly DicomTag SopClassUid = new(0x0008, 0x0016);
    private static readonly DicomTag SopInstanceUid = new(0x0008, 0x0018);

    /// <summary>
    /// Writes preamble, DICM, the meta group (explicit VR LE, group length computed, transfer syntax set to
    /// <paramref name="ts"/>, missing required elements filled) and the dataset in <paramref name="ts"/>.
    /// </summary>
    public static void WritePart10(Stream output, DicomDataset fileMeta, DicomDataset dataset, DicomTransferSyntax ts, DicomWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fileMeta);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ts);
        options ??= DicomWriteOptions.Default;
        DicomDataset meta = CompleteMeta(fileMeta, dataset, ts);

        using (var writer = new StreamBufferWriter(output))
        {
            Span<byte> preamble = writer.GetSpan(132);
            preamble[..128].Clear();
            "DICM"u8.CopyTo(preamble[128..]);
            writer.Advance(132);
            new DicomDatasetEncoder(writer, DicomEncoding.ExplicitLittle, options).WriteDataset(meta);
            if (!ts.IsDeflated)
            {
                new DicomDatasetEncoder(writer, DicomEncoding.Of(ts), options).WriteDataset(dataset);
            }

            writer.Flush();
        }

        if (ts.IsDeflated)
        {
            WriteDeflated(output, dataset, options);
        }

        output.Flush();
    }

    /// <summary>Writes a bare dataset (no meta) in <paramref name="ts"/>; group lengths present are recomputed.</summary>
    public static void WriteDataset(IBufferWriter<byte> output, DicomDataset dataset, DicomTransferSyntax ts, DicomWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ts);
        options ??= DicomWriteOptions.Default;
        if (ts.IsDeflated)
        {
            using var buffer = new MemoryStream();
            WriteDeflated(buffer, dataset, options);
            output.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            return;
        }

        new DicomDatasetEncoder(output, DicomEncoding.Of(ts), options).WriteDataset(dataset);
    }

    public static void WriteDataset(Stream output, DicomDataset dataset, DicomTransferSyntax ts, DicomWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ts);
        options ??= DicomWriteOptions.Default;
        if (ts.IsDeflated)
        {
            WriteDeflated(output, dataset, options);
            return;
        }

        using var writer = new StreamBufferWriter(output);
        new DicomDatasetEncoder(writer, DicomEncoding.Of(ts), options).WriteDataset(dataset);
        writer.Flush();
    }

    /// <summary>The encoded dataset as an array (DIMSE command sets, tests).</summary>
    public static byte[] ToArray(DicomDataset dataset, DicomTransferSyntax ts, DicomWriteOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteDataset(buffer, dataset, ts, options);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The encoded length of a dataset in a non-deflated transfer syntax, without writing it.</summary>
    public static long GetEncodedLength(DicomDataset dataset, DicomTransferSyntax ts, DicomWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ts);
        if (ts.IsDeflated)
        {
            throw new ArgumentException("the deflated length is only known by deflating", nameof(ts));
        }

        return new DicomDatasetEncoder(new ArrayBufferWriter<byte>(1), DicomEncoding.Of(ts), options ?? DicomWriteOptions.Default).DatasetLength(dataset);
    }

    /// <summary>The meta group for a new file (PS3.10 §7.1).</summary>
    public static DicomDataset CreateFileMetaInformation(string sopClassUid, string sopInstanceUid, DicomTransferSyntax ts, string? sourceAeTitle = null)
    {
        ArgumentNullException.ThrowIfNull(sopClassUid);
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        ArgumentNullException.ThrowIfNull(ts);
        var meta = new DicomDataset();
        meta.AddOrUpdate(MetaVersion, DicomVR.OB, new byte[] { 0x00, 0x01 });
        meta.AddOrUpdate(MediaStorageSopClass, DicomVR.UI, sopClassUid);
        meta.AddOrUpdate(MediaStorageSopInstance, DicomVR.UI, sopInstanceUid);
        meta.AddOrUpdate(TransferSyntaxUid, DicomVR.UI, ts.Uid);
        meta.AddOrUpdate(ImplementationClass, DicomVR.UI, ImplementationClassUid);
        meta.AddOrUpdate(ImplementationVersion, DicomVR.SH, ImplementationVersionName);
        if (!string.IsNullOrWhiteSpace(sourceAeTitle))
        {
            meta.AddOrUpdate(SourceAeTitle, DicomVR.AE, sourceAeTitle);
        }

        return meta;
    }

    private static DicomDataset CompleteMeta(DicomDataset fileMeta, DicomDataset dataset, DicomTransferSyntax ts)
    {
        var meta = new DicomDataset();
        foreach (DicomItem item in fileMeta)
        {
            if (item.Tag.Group == 0x0002 && item.Tag != MetaGroupLength)
            {
                meta.AddOrUpdate(item);
            }
        }

        if (!meta.Contains(MetaVersion))
        {
            meta.AddOrUpdate(MetaVersion, DicomVR.OB, new byte[] { 0x00, 0x01 });
        }

        CopyIfMissing(meta, MediaStorageSopClass, dataset, SopClassUid);
        CopyIfMissing(meta, MediaStorageSopInstance, dataset, SopInstanceUid);
        meta.AddOrUpdate(TransferSyntaxUid, DicomVR.UI, ts.Uid);
        if (!meta.Contains(ImplementationClass))
        {
            meta.AddOrUpdate(ImplementationClass, DicomVR.UI, ImplementationClassUid);
            meta.AddOrUpdate(ImplementationVersion, DicomVR.SH, ImplementationVersionName);
        }

        // The group length element comes first; the encoder computes its value from the elements after it.
        meta.SetUInt32(MetaGroupLength, 0);
        return meta;
    }

    private static void CopyIfMissing(DicomDataset meta, DicomTag metaTag, DicomDataset dataset, DicomTag source)
    {
        if (!meta.Contains(metaTag) && dataset.GetString(source) is { Length: > 0 } uid)
        {
            meta.AddOrUpdate(metaTag, DicomVR.UI, uid);
        }
    }

    private static void WriteDeflated(Stream output, DicomDataset dataset, DicomWriteOptions options)
    {
        using var deflate = new DeflateStream(output, options.DeflateLevel, leaveOpen: true);
        using (var writer = new StreamBufferWriter(deflate))
        {
            new DicomDatasetEncoder(writer, DicomEncoding.ExplicitLittle, options).WriteDataset(dataset);
            writer.Flush();
        }
    }
}
