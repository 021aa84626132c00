using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Edge.Dicom;

/// <summary>In-place endian conversion of value bytes, in units of the VR's element size.</summary>
internal static class ByteSwap
{
    public static void InPlace(Span<byte> bytes, int unit)
    {
        switch (unit)
        {
            case 2:
                Span<ushort> u16 = MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                Span<uint> u32 = MemoryMarshal.Cast<byte, uint>(bytes[..(bytes.Length & ~3)]);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                Span<ulong> u64 = MemoryMarshal.Cast<byte, ulong>(bytes[..(bytes.Length & ~7)]);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }
}
