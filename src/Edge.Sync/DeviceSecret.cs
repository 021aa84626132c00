using System.Security.Cryptography;
using System.Text;
using Edge.IO;
using Edge.Sync.Options;

namespace Edge.Sync;

/// <summary>
/// The per-device HMAC key that turns study and series UIDs into pseudonymous, correlatable keys. Without
/// it a UID cannot be recovered from its key, and keys from two devices cannot be linked.
/// </summary>
public sealed class DeviceSecret
{
    /// <summary>32 characters: a 64-hex-digit (256-bit) secret from <c>edgectl provision</c> has 64.</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _key;

    private DeviceSecret(byte[] key) => _key = key;

    /// <summary>The secret as configured: inline, from a file, or generated once at <paramref name="fallbackPath"/>.</summary>
    public static DeviceSecret Load(DeviceOptions options, string fallbackPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HmacSecret is { } inline)
        {
            return FromText(inline, "Device:HmacSecret");
        }

        if (options.HmacSecretFile is { } file)
        {
            return FromText(File.ReadAllText(file), $"Device:HmacSecretFile '{file}'");
        }

        return LoadOrCreate(fallbackPath);
    }

    /// <summary>Reads the secret file, creating it (mode 0600, 256 random bits as hex) if it does not exist.</summary>
    public static DeviceSecret LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            string text = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(text));
                stream.Flush(flushToDisk: true);
                DirectorySync.SyncParent(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another starter created it first; use theirs.
            }
        }

        return FromText(File.ReadAllText(path), $"secret file '{path}'");
    }

    public static DeviceSecret FromText(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length < MinimumLength)
        {
            throw new InvalidOperationException($"The HMAC secret from {source} is shorter than {MinimumLength} characters.");
        }

        return new DeviceSecret(Encoding.UTF8.GetBytes(trimmed));
    }

    /// <summary>Lowercase hex HMAC-SHA256 of a UID's ASCII bytes (DICOM's trailing NUL/space padding removed).</summary>
    public string KeyOf(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        string clean = uid.TrimEnd('\0', ' ');
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(clean), mac);
        return Convert.ToHexStringLower(mac);
    }
}
