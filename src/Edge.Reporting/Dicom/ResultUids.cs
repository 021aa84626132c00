using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Reporting.Dicom;

/// <summary>
/// UIDs for result objects, derived from a seed (the result's id) and a purpose ("sr", "seg", "sc/2" ...), as
/// 2.25.&lt;128-bit integer&gt; (PS3.5 §B.2, no registered root needed). The 128 bits are a name-based UUID: the
/// first 16 bytes of SHA-256(seed "/" purpose) with the RFC 9562 version-8 and variant bits set. The same result
/// therefore always yields the same UIDs: rebuilding objects after a crash, or sending them twice, cannot put two
/// copies of one finding into the PACS.
/// </summary>
public sealed class ResultUids
{
    private readonly string _seed;

    public ResultUids(string seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        _seed = seed;
    }

    public string For(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(_seed + "/" + purpose), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        UInt128 value = BinaryPrimitives.ReadUInt128BigEndian(hash[..16]);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }
}
