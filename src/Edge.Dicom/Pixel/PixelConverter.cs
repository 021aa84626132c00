using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Edge.Dicom;

/// <summary>
/// Hot loops over frame samples, vectorised with <see cref="Vector{T}"/> (AVX2 on x64, NEON on the Jetson's
/// ARM64): Bits Stored masking and sign extension (PS3.5 §8.1.1) and the linear Modality LUT to float.
/// A stored value sits in bits [HighBit - BitsStored + 1, HighBit]; shifting it left to the container's top bit
/// and back right by (container - BitsStored) masks and, arithmetically, sign-extends it in two operations.
/// </summary>
internal static class PixelConverter
{
    /// <summary>Masks (unsigned) or sign-extends (signed) every sample of native little-endian data in place.</summary>
    public static void ApplyBitsStored(Span<byte> data, int bitsAllocated, int bitsStored, int highBit, bool signed)
    {
        if (bitsAllocated == 1 || (bitsStored == bitsAllocated && highBit == bitsAllocated - 1))
        {
            return;
        }

        int left = bitsAllocated - 1 - highBit;
        int right = bitsAllocated - bitsStored;
        switch (bitsAllocated)
        {
            case 8:
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = signed ? (byte)((sbyte)(data[i] << left) >> right) : (byte)((byte)(data[i] << left) >> right);
                }

                break;
            case 16:
                Apply16(MemoryMarshal.Cast<byte, ushort>(data), left, right, signed);
                break;
            case 32:
                Span<uint> words = MemoryMarshal.Cast<byte, uint>(data);
                for (int i = 0; i < words.Length; i++)
                {
                    words[i] = signed ? (uint)((int)(words[i] << left) >> right) : (words[i] << left) >> right;
                }

                break;
        }
    }

    /// <summary>
    /// 16-bit samples straight from stored data to rescaled floats: the CT hot path, masking included, one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Convert16(ReadOnlySpan<byte> source, Span<float> destination, int bitsStored, int highBit, bool signed, float slope, float intercept)
    {
        ReadOnlySpan<ushort> samples = MemoryMarshal.Cast<byte, ushort>(source);
        int n = Math.Min(samples.Length, destination.Length);
        int left = 15 - highBit;
        int right = 16 - bitsStored;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<ushort>.Count)
        {
            var vSlope = new Vector<float>(slope);
            var vIntercept = new Vector<float>(intercept);
            ReadOnlySpan<Vector<ushort>> vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(samples[..n]);
            Span<Vector<float>> output = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (int v = 0; v < vectors.Length; v++)
            {
                Vector<int> low;
                Vector<int> high;
                if (signed)
                {
                    Vector<short> s = Vector.ShiftRightArithmetic(Vector.ShiftLeft(Vector.AsVectorInt16(vectors[v]), left), right);
                    Vector.Widen(s, out low, out high);
                }
                else
                {
                    Vector<ushort> u = Vector.ShiftRightLogical(Vector.ShiftLeft(vectors[v], left), right);
                    Vector.Widen(u, out Vector<uint> lowU, out Vector<uint> highU);
                    low = Vector.AsVectorInt32(lowU);
                    high = Vector.AsVectorInt32(highU);
                }

                output[2 * v] = (Vector.ConvertToSingle(low) * vSlope) + vIntercept;
                output[(2 * v) + 1] = (Vector.ConvertToSingle(high) * vSlope) + vIntercept;
            }

            i = vectors.Length * Vector<ushort>.Count;
        }

        for (; i < n; i++)
        {
            int value = signed ? (short)(samples[i] << left) >> right : (ushort)(samples[i] << left) >> right;
            destination[i] = (value * slope) + intercept;
        }
    }

    /// <summary>Decoded (already masked) samples of any container size to rescaled floats.</summary>
    public static void ConvertDecoded(ReadOnlySpan<byte> source, Span<float> destination, int bitsAllocated, bool signed, double slope, double intercept)
    {
        switch (bitsAllocated)
        {
            case 16:
                Convert16(source, destination, 16, 15, signed, (float)slope, (float)intercept);
                break;
            case 8 or 1:
                for (int i = 0; i < destination.Length && i < source.Length; i++)
                {
                    int value = signed && bitsAllocated == 8 ? (sbyte)source[i] : source[i];
                    destination[i] = (float)((value * slope) + intercept);
                }

                break;
            default:
                ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(source);
                for (int i = 0; i < destination.Length && i < words.Length; i++)
                {
                    // Doubles keep 32-bit values exact before the final rounding to float.
                    double value = signed ? (int)words[i] : words[i];
                    destination[i] = (float)((value * slope) + intercept);
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply16(Span<ushort> samples, int left, int right, bool signed)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Span<Vector<ushort>> vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(samples);
            for (int v = 0; v < vectors.Length; v++)
            {
                vectors[v] = signed
                    ? Vector.AsVectorUInt16(Vector.ShiftRightArithmetic(Vector.ShiftLeft(Vector.AsVectorInt16(vectors[v]), left), right))
                    : Vector.ShiftRightLogical(Vector.ShiftLeft(vectors[v], left), right);
            }

            i = vectors.Length * Vector<ushort>.Count;
        }

        for (; i < samples.Length; i++)
        {
            samples[i] = signed ? (ushort)((short)(samples[i] << left) >> right) : (ushort)((ushort)(samples[i] << left) >> right);
        }
    }
}
