using System.Runtime.CompilerServices;

namespace Edge.Dicom;

public static partial class JpegLosslessDecoder
{
    // A valid scan asks for at most a few bytes of look-ahead past its last code; more zeros than this means the
    // entropy-coded data was cut short.
    private const int MaxLookAheadPadding = 4;

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
                        throw Malformed($"JPEG restart marker missing before MCU {mcu}");
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

        if (reader.PaddingBytes > MaxLookAheadPadding)
        {
            throw Malformed("JPEG entropy-coded data ends before the last sample");
        }

        return reader.MarkerPosition >= 0 ? reader.MarkerPosition : reader.Position;
    }

    /// <summary>A difference: its magnitude category by Huffman code, then that many bits (T.81 §H.1.2.2, Table H.2).</summary>
    private static int DecodeDifference(ref JpegBitReader reader, JpegHuffmanTable table)
    {
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

        int bits = reader.GetBits(category);

        // EXTEND (T.81 §F.2.2.1): a leading 0 bit means a negative difference.
        return bits < (1 << (category - 1)) ? bits - (1 << category) + 1 : bits;
    }
}
