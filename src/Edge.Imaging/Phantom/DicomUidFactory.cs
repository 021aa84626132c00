using System.Buffers.Binary;
using System.Globalization;

namespace Edge.Imaging.Phantom;

/// <summary>Fresh UIDs in the 2.25.&lt;UUID as an integer&gt; form (PS3.5 §B.2), which needs no registered root.</summary>
internal static class DicomUidFactory
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes, bigEndian: true, out _);
        UInt128 value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }
}
