using System.Buffers.Binary;

namespace Edge.Dicom.Tests.Codecs;

/// <summary>
/// A small JPEG lossless (T.81 Annex H) encoder for tests: it reaches what dcmcjpeg cannot be asked for —
/// restart intervals and one scan per component. One fixed Huffman table: the 17 difference categories as 5-bit codes.
/// </summary>
internal static class TestJpegLosslessEncoder
{
    public static byte[] Encode(ushort[] samples, int width, int height, int components, int precision, int predictor, int pointTransform = 0, int restartInterval = 0, bool separateScans = false)
    {
        var output = new List<byte> { 0xFF, 0xD8 };
        Segment(output, 0xC3, [(byte)precision, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components, .. Enumerable.Range(0, components).SelectMany(c => new byte[] { (byte)(c + 1), 0x11, 0 })]);
        byte[] counts = new byte[16];
        counts[4] = 17;
        Segment(output, 0xC4, [0x00, .. counts, .. Enumerable.Range(0, 17).Select(i => (byte)i)]);
        if (restartInterval > 0)
        {
            Segment(output, 0xDD, [(byte)(restartInterval >> 8), (byte)restartInterval]);
        }

        int[][] scans = separateScans ? [.. Enumerable.Range(0, components).Select(c => new[] { c })] : [[.. Enumerable.Range(0, components)]];
        foreach (int[] scan in scans)
        {
            Segment(output, 0xDA, [(byte)scan.Length, .. scan.SelectMany(c => new byte[] { (byte)(c + 1), 0x00 }), (byte)predictor, 0, (byte)pointTransform]);
            EncodeScan(output, samples, width, height, components, scan, precision, predictor, pointTransform, restartInterval);
        }

        output.Add(0xFF);
        output.Add(0xD9);
        return [.. output];
    }

    private static void EncodeScan(List<byte> output, ushort[] samples, int width, int height, int nf, int[] scan, int precision, int predictor, int pt, int restartInterval)
    {
        var bits = new BitWriter(output);
        int initial = 1 << (precision - pt - 1);
        int firstRow = 0;
        int firstColumn = 0;
        int mcu = 0;
        int restarts = 0;
        int Value(int x, int y, int c) => samples[(((y * width) + x) * nf) + c] >> pt;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++, mcu++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    bits.Flush();
                    output.Add(0xFF);
                    output.Add((byte)(0xD0 + (restarts++ % 8)));
                    firstRow = y;
                    firstColumn = x;
                }

                foreach (int c in scan)
                {
                    int px;
                    if (y == firstRow)
                    {
                        px = x == firstColumn ? initial : Value(x - 1, y, c);
                    }
                    else if (x == 0)
                    {
                        px = Value(x, y - 1, c);
                    }
                    else
                    {
                        int ra = Value(x - 1, y, c);
                        int rb = Value(x, y - 1, c);
                        int rc = Value(x - 1, y - 1, c);
                        px = predictor switch
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

                    int diff = (Value(x, y, c) - px) & 0xFFFF;
                    if (diff >= 32768)
                    {
                        diff -= 65536;
                    }

                    if (diff == -32768)
                    {
                        bits.Write(16, 5);
                        continue;
                    }

                    int magnitude = Math.Abs(diff);
                    int category = magnitude == 0 ? 0 : 32 - int.LeadingZeroCount(magnitude);
                    bits.Write(category, 5);
                    if (category > 0)
                    {
                        bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
                    }
                }
            }
        }

        bits.Flush();
    }

    private static void Segment(List<byte> output, byte marker, byte[] payload)
    {
        output.Add(0xFF);
        output.Add(marker);
        byte[] length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.AddRange(length);
        output.AddRange(payload);
    }

    private sealed class BitWriter(List<byte> output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        /// <summary>Pads the last byte with 1 bits (T.81 §F.1.2.3).</summary>
        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.Add((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.Add(0x00);
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
