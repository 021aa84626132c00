using System.Runtime.CompilerServices;

namespace Edge.Dicom;

public static partial class JpegLosslessDecoder
{
    /// <summary>
    /// Decodes one scan (T.81 §H.1.2) into <paramref name="samples"/> (interleaved by frame component) and returns
    /// the position of the marker that follows it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeScan(ReadOnlySpan<byte> data, int position, DecoderState state, Span<ushort> samples)
    {
        JpegLosslessInfo info = state.Info!;
        int width = info.Width;
        int height = info.Height;
        int nf = info.Components;
        int[] components = state.ScanComponents;
        JpegHuffmanTable[] tables = state.ScanTables;
        int predictor = state.Predictor;
        int restartInterval = state.RestartInterval;
        int rowStride = width * nf;

        // T.81 §H.1.2.1: the first sample of a scan or restart interval is predicted from 2^(P - Pt - 1), the rest
        // of that line from Ra, and the first sample of each later line from Rb.
        int initial = 1 << (info.Precision - state.PointTransform - 1);
        var reader = new JpegBitReader(data, position);
        if (restartInterval == 0 && components.Length == nf)
        {
            DecodeWholeScan(ref reader, samples, width, height, nf, tables, predictor, initial);
            return EndOfScan(ref reader);
        }

        int firstRow = 0;
        int firstColumn = 0;
        int mcu = 0;
        for (int y = 0; y < height; y++)
        {
            int rowBase = y * rowStride;
            for (int x = 0; x < width; x++, mcu++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    if (!reader.TryRestart())
                    {
                        throw Malformed($"JPEG restart interval before MCU {mcu} is cut short or its RST marker is missing");
                    }

                    firstRow = y;
                    firstColumn = x;
                }

                for (int i = 0; i < components.Length; i++)
                {
                    int index = rowBase + (x * nf) + components[i];
                    int prediction;
                    if (y == firstRow)
                    {
                        prediction = x == firstColumn ? initial : samples[index - nf];
                    }
                    else if (x == 0)
                    {
                        prediction = samples[index - rowStride];
                    }
                    else
                    {
                        int ra = samples[index - nf];
                        int rb = samples[index - rowStride];
                        int rc = samples[index - rowStride - nf];
                        prediction = predictor switch
                        {
                            1 => ra,
                            2 => rb,
                            3 => rc,
                            4 => ra + rb - rc,
                            5 => ra + ((rb - rc) >> 1),
                            6 => rb + ((ra - rc) >> 1),
                            _ => (ra + rb) >> 1,
                        };
                    }

                    // Reconstruction is modulo 2^16 (T.81 §H.2.1).
                    samples[index] = (ushort)(prediction + DecodeDifference(ref reader, tables[i]));
                }
            }
        }

        return EndOfScan(ref reader);
    }

    private static int EndOfScan(ref JpegBitReader reader)
    {
        if (reader.ConsumedPaddingBits > 0)
        {
            throw Malformed("JPEG entropy-coded data ends before the last sample");
        }

        return reader.MarkerPosition >= 0 ? reader.MarkerPosition : reader.Position;
    }

    /// <summary>
    /// The common case, every component in one scan and no restart intervals, without the per-sample tests for
    /// the first line and column: the first row predicts from the left, each later row starts from above.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeWholeScan(ref JpegBitReader reader, Span<ushort> samples, int width, int height, int nf, JpegHuffmanTable[] tables, int predictor, int initial)
    {
        int rowStride = width * nf;
        for (int c = 0; c < nf; c++)
        {
            samples[c] = (ushort)(initial + DecodeDifference(ref reader, tables[c]));
        }

        for (int i = nf; i < rowStride; i += nf)
        {
            for (int c = 0; c < nf; c++)
            {
                samples[i + c] = (ushort)(samples[i + c - nf] + DecodeDifference(ref reader, tables[c]));
            }
        }

        for (int y = 1; y < height; y++)
        {
            Span<ushort> row = samples.Slice(y * rowStride, rowStride);
            ReadOnlySpan<ushort> above = samples.Slice((y - 1) * rowStride, rowStride);
            for (int c = 0; c < nf; c++)
            {
                row[c] = (ushort)(above[c] + DecodeDifference(ref reader, tables[c]));
            }

            if (nf == 1 && predictor == 1)
            {
                // Selection value 1 on a single component: DICOM's default lossless syntax (SV1), the hot loop.
                JpegHuffmanTable table = tables[0];
                int left = row[0];
                for (int x = 1; x < row.Length; x++)
                {
                    left = (ushort)(left + DecodeDifference(ref reader, table));
                    row[x] = (ushort)left;
                }

                continue;
            }

            for (int i = nf; i < rowStride; i += nf)
            {
                for (int c = 0; c < nf; c++)
                {
                    int ra = row[i + c - nf];
                    int rb = above[i + c];
                    int rc = above[i + c - nf];
                    int prediction = predictor switch
                    {
                        1 => ra,
                        2 => rb,
                        3 => rc,
                        4 => ra + rb - rc,
                        5 => ra + ((rb - rc) >> 1),
                        6 => rb + ((ra - rc) >> 1),
                        _ => (ra + rb) >> 1,
                    };
                    row[i + c] = (ushort)(prediction + DecodeDifference(ref reader, tables[c]));
                }
            }
        }
    }

    /// <summary>A difference: its magnitude category by Huffman code, then that many bits (T.81 §H.1.2.2, Table H.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecodeDifference(ref JpegBitReader reader, JpegHuffmanTable table)
    {
        // One refill covers the longest code (16 bits) and the longest extra bits (15).
        reader.EnsureBits(32);
        int category = table.Decode(ref reader);
        switch (category)
        {
            case 0:
                return 0;
            case 16:
                // Category 16 has no extra bits: the difference is 32768.
                return 32768;
            case > 16:
                throw Malformed($"JPEG lossless difference category {category} is above 16");
        }

        int bits = (int)reader.PeekBits(category);
        reader.SkipBits(category);

        // EXTEND (T.81 §F.2.2.1): a leading 0 bit means a negative difference.
        return bits < (1 << (category - 1)) ? bits - (1 << category) + 1 : bits;
    }
}
