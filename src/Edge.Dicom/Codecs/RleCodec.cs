using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Edge.Dicom;

/// <summary>
/// RLE Lossless (PS3.5 Annex G). A frame is a 64-byte header (segment count and up to 15 segment offsets)
/// followed by PackBits-coded byte segments: one per byte of each sample, most significant byte first,
/// sample after sample. The native side is interleaved little-endian samples.
/// </summary>
public static class RleCodec
{
    /// <summary>Header size and segment limit (PS3.5 §G.5).</summary>
    private const int HeaderLength = 64;
    private const int MaxSegments = 15;

    /// <summary>PackBits runs carry at most 128 bytes (PS3.5 §G.3.1).</summary>
    private const int MaxRun = 128;

    /// <summary>
    /// Decodes one RLE frame into interleaved little-endian samples (<paramref name="destination"/> must hold
    /// rows x columns x samples x bitsAllocated/8 bytes). Throws <see cref="DicomFormatException"/> for a
    /// malformed header or a segment that ends early; surplus bytes at the end of a segment are ignored.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> frame, Span<byte> destination, int rows, int columns, int samplesPerPixel, int bitsAllocated)
    {
        int bytesPerSample = BytesPerSample(bitsAllocated);
        long pixels = (long)rows * columns;
        int segments = samplesPerPixel * bytesPerSample;
        long expected = pixels * segments;
        if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0 || segments > MaxSegments || destination.Length < expected)
        {
            throw new ArgumentException($"RLE frame geometry {rows}x{columns}x{samplesPerPixel}x{bitsAllocated} does not fit a {destination.Length}-byte destination or {MaxSegments} segments");
        }

        if (frame.Length < HeaderLength)
        {
            throw Malformed($"RLE frame of {frame.Length} bytes is shorter than its {HeaderLength}-byte header");
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (count != segments)
        {
            throw Malformed($"RLE header declares {count} segments; {samplesPerPixel} samples of {bitsAllocated} bits need {segments}");
        }

        Span<int> offsets = stackalloc int[MaxSegments + 1];
        for (int s = 0; s < segments; s++)
        {
            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + (4 * s))..]);
            if (offset < HeaderLength || offset > frame.Length || (s > 0 && offset < offsets[s - 1]))
            {
                throw Malformed($"RLE segment {s} offset {offset} is outside the {frame.Length}-byte frame or out of order");
            }

            offsets[s] = (int)offset;
        }

        offsets[segments] = frame.Length;
        int n = (int)pixels;
        byte[] segment = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            for (int s = 0; s < segments; s++)
            {
                DecodeSegment(frame[offsets[s]..offsets[s + 1]], segment.AsSpan(0, n), s);

                // Segment s is byte (bytesPerSample - 1 - s % bytesPerSample) of sample s / bytesPerSample.
                int sample = s / bytesPerSample;
                int byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
                int stride = samplesPerPixel * bytesPerSample;
                int start = (sample * bytesPerSample) + byteInSample;
                if (stride == 1)
                {
                    segment.AsSpan(0, n).CopyTo(destination);
                    continue;
                }

                for (int p = 0, d = start; p < n; p++, d += stride)
                {
                    destination[d] = segment[p];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(segment);
        }
    }

    /// <summary>
    /// Encodes one frame of interleaved little-endian samples. Each row is coded separately so no run crosses a
    /// row boundary (PS3.5 §G.3.1), and every segment is padded to even length.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> source, int rows, int columns, int samplesPerPixel, int bitsAllocated)
    {
        int bytesPerSample = BytesPerSample(bitsAllocated);
        int segments = samplesPerPixel * bytesPerSample;
        long pixels = (long)rows * columns;
        if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0 || segments > MaxSegments || source.Length < pixels * segments)
        {
            throw new ArgumentException($"RLE frame geometry {rows}x{columns}x{samplesPerPixel}x{bitsAllocated} does not fit a {source.Length}-byte source or {MaxSegments} segments");
        }

        var output = new ArrayBufferWriter<byte>((int)Math.Min(int.MaxValue, HeaderLength + (pixels * segments) + 1024));
        output.GetSpan(HeaderLength)[..HeaderLength].Clear();
        output.Advance(HeaderLength);
        Span<uint> offsets = stackalloc uint[MaxSegments];
        byte[] plane = ArrayPool<byte>.Shared.Rent(columns);
        try
        {
            int stride = samplesPerPixel * bytesPerSample;
            for (int s = 0; s < segments; s++)
            {
                offsets[s] = (uint)output.WrittenCount;
                int sample = s / bytesPerSample;
                int start = (sample * bytesPerSample) + (bytesPerSample - 1 - (s % bytesPerSample));
                for (int r = 0; r < rows; r++)
                {
                    int rowStart = (r * columns * stride) + start;
                    for (int c = 0; c < columns; c++)
                    {
                        plane[c] = source[rowStart + (c * stride)];
                    }

                    EncodeRow(plane.AsSpan(0, columns), output);
                }

                if ((output.WrittenCount & 1) != 0)
                {
                    // Segments are padded at their end with zero to even length (PS3.5 §G.3); decoders stop at rows x columns.
                    output.Write<byte>([0x00]);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plane);
        }

        byte[] result = output.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)segments);
        for (int s = 0; s < segments; s++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4 + (4 * s)), offsets[s]);
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeSegment(ReadOnlySpan<byte> input, Span<byte> output, int segment)
    {
        int i = 0;
        int o = 0;
        while (o < output.Length)
        {
            if (i >= input.Length)
            {
                throw Malformed($"RLE segment {segment} ends after {o} of {output.Length} bytes");
            }

            int header = (sbyte)input[i++];
            if (header >= 0)
            {
                int literal = header + 1;
                if (i + literal > input.Length)
                {
                    throw Malformed($"RLE segment {segment} literal run of {literal} bytes passes the end of the segment");
                }

                int take = Math.Min(literal, output.Length - o);
                input.Slice(i, take).CopyTo(output[o..]);
                i += literal;
                o += take;
            }
            else if (header != -128)
            {
                if (i >= input.Length)
                {
                    throw Malformed($"RLE segment {segment} replicate run has no byte to repeat");
                }

                int take = Math.Min(1 - header, output.Length - o);
                output.Slice(o, take).Fill(input[i++]);
                o += take;
            }
        }
    }

    private static void EncodeRow(ReadOnlySpan<byte> row, ArrayBufferWriter<byte> output)
    {
        int i = 0;
        while (i < row.Length)
        {
            // Two or more equal bytes make a replicate run; a literal run absorbs pairs and stops before three equal
            // bytes, which shall be a replicate run (PS3.5 §G.3.1).
            int run = 1;
            while (i + run < row.Length && run < MaxRun && row[i + run] == row[i])
            {
                run++;
            }

            if (run >= 2)
            {
                output.Write<byte>([(byte)(sbyte)(1 - run), row[i]]);
                i += run;
                continue;
            }

            int start = i;
            int length = 0;
            while (i < row.Length && length < MaxRun && !(i + 2 < row.Length && row[i + 1] == row[i] && row[i + 2] == row[i]))
            {
                i++;
                length++;
            }

            if (length == 0)
            {
                continue;
            }

            output.Write<byte>([(byte)(length - 1)]);
            output.Write(row.Slice(start, length));
        }
    }

    private static int BytesPerSample(int bitsAllocated) => bitsAllocated switch
    {
        8 => 1,
        16 => 2,
        32 => 4,
        64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(bitsAllocated), bitsAllocated, "RLE Lossless carries 8, 16, 32 or 64-bit samples"),
    };

    private static DicomFormatException Malformed(string reason) => new(DicomFormatError.InvalidValue, reason, -1, new DicomTag(0x7FE0, 0x0010));
}
