using System.Buffers;
using System.Buffers.Binary;

namespace Edge.Dicom;

/// <summary>
/// Decoder for JPEG lossless, non-hierarchical, Huffman coded (process 14, ITU-T T.81 Annex H): precision 2-16,
/// predictors 1-7 (selection value 1 is DICOM's "SV1" syntax), point transform, restart intervals, one or more
/// components in interleaved or separate scans. Every marker length and table size is checked against the bytes
/// present; malformed streams raise <see cref="DicomFormatException"/>.
/// </summary>
public static partial class JpegLosslessDecoder
{
    private const int MaxComponents = 4;   // T.81 §B.2.3 allows 4 components per scan; DICOM uses 1 or 3.
    private const int MaxTables = 4;       // Th is 0-3 (T.81 §B.2.4.2).

    /// <summary>Reads the frame header without decoding the image.</summary>
    public static JpegLosslessInfo ReadInfo(ReadOnlySpan<byte> data)
    {
        var state = new DecoderState();
        ParseUntilScan(data, 0, state, out _);
        return state.Info ?? throw Malformed("JPEG stream has no SOF3 frame header");
    }

    /// <summary>
    /// Decodes a whole image into interleaved little-endian samples of <paramref name="bytesPerSample"/> bytes
    /// (1, 2 or 4), components in frame-header order.
    /// </summary>
    public static JpegLosslessInfo Decode(ReadOnlySpan<byte> data, Span<byte> destination, int bytesPerSample)
    {
        if (bytesPerSample is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerSample), bytesPerSample, "samples are 1, 2 or 4 bytes");
        }

        var state = new DecoderState();
        int position = 0;
        ushort[]? samples = null;
        int scans = 0;
        try
        {
            while (true)
            {
                if (!ParseUntilScan(data, position, state, out position))
                {
                    break;
                }

                JpegLosslessInfo info = state.Info ?? throw Malformed("JPEG scan starts before its SOF3 frame header");
                if (info.Precision > bytesPerSample * 8)
                {
                    throw Malformed($"JPEG precision {info.Precision} does not fit {bytesPerSample * 8}-bit samples");
                }

                long total = (long)info.Width * info.Height * info.Components;
                if (destination.Length < total * bytesPerSample)
                {
                    throw Malformed($"JPEG image {info.Width}x{info.Height}x{info.Components} does not fit the {destination.Length}-byte frame");
                }

                samples ??= ArrayPool<ushort>.Shared.Rent((int)total);
                position = DecodeScan(data, position, state, samples);
                scans++;
            }

            if (scans == 0 || samples is null)
            {
                throw Malformed("JPEG stream has no scan");
            }

            JpegLosslessInfo decoded = state.Info!;
            WriteSamples(samples.AsSpan(0, decoded.Width * decoded.Height * decoded.Components), destination, bytesPerSample, state.PointTransform);
            return decoded;
        }
        finally
        {
            if (samples is not null)
            {
                ArrayPool<ushort>.Shared.Return(samples);
            }
        }
    }

    /// <summary>
    /// Walks marker segments from <paramref name="position"/> up to the next SOS (returns true, with
    /// <paramref name="next"/> at the first entropy-coded byte) or EOI / end of data (returns false).
    /// </summary>
    private static bool ParseUntilScan(ReadOnlySpan<byte> data, int position, DecoderState state, out int next)
    {
        if (position == 0)
        {
            if (data.Length < 2 || data[0] != 0xFF || data[1] != 0xD8)
            {
                throw Malformed("JPEG stream does not start with SOI (FFD8)");
            }

            position = 2;
        }

        while (true)
        {
            // Markers may be preceded by any number of 0xFF fill bytes (T.81 §B.1.1.2).
            while (position < data.Length && data[position] != 0xFF)
            {
                position++;
            }

            while (position + 1 < data.Length && data[position + 1] == 0xFF)
            {
                position++;
            }

            if (position + 1 >= data.Length)
            {
                next = data.Length;
                return false;
            }

            byte marker = data[position + 1];
            position += 2;
            switch (marker)
            {
                case 0xD9:
                    next = position;
                    return false;
                case 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0x00:
                    continue;
            }

            if (position + 2 > data.Length)
            {
                throw Malformed($"JPEG marker FF{marker:X2} at offset {position - 2} has no length");
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length)
            {
                throw Malformed($"JPEG marker FF{marker:X2} at offset {position - 2} declares {length} bytes; {data.Length - position} remain");
            }

            ReadOnlySpan<byte> segment = data.Slice(position + 2, length - 2);
            position += length;
            switch (marker)
            {
                case 0xC3:
                    state.Info = ParseFrameHeader(segment, state);
                    break;
                case 0xC4:
                    ParseHuffmanTables(segment, state);
                    break;
                case 0xDD:
                    if (segment.Length < 2)
                    {
                        throw Malformed("JPEG DRI segment is too short");
                    }

                    state.RestartInterval = BinaryPrimitives.ReadUInt16BigEndian(segment);
                    break;
                case 0xDA:
                    ParseScanHeader(segment, state);
                    next = position;
                    return true;
                case 0xCC:
                    throw Malformed("JPEG stream uses arithmetic coding (DAC), which DICOM's lossless syntaxes do not");
                case >= 0xC0 and <= 0xCF:
                    throw Malformed($"JPEG stream is coding process SOF{marker - 0xC0}, not lossless process 14 (SOF3)");
                default:
                    // APPn, COM, DNL, DQT and others carry nothing a lossless decoder needs.
                    break;
            }
        }
    }

    private static JpegLosslessInfo ParseFrameHeader(ReadOnlySpan<byte> segment, DecoderState state)
    {
        if (state.Info is not null)
        {
            throw Malformed("JPEG stream has a second frame header; DICOM frames are single images");
        }

        if (segment.Length < 6)
        {
            throw Malformed("JPEG SOF3 segment is too short");
        }

        int precision = segment[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int components = segment[5];

        // T.81 §B.2.2: lossless precision is 2-16; a zero line count would need DNL, which DICOM does not use.
        if (precision is < 2 or > 16 || height == 0 || width == 0 || components is < 1 or > MaxComponents || segment.Length < 6 + (3 * components))
        {
            throw Malformed($"JPEG SOF3 header is invalid: precision {precision}, {width}x{height}, {components} components");
        }

        state.ComponentIds = new int[components];
        for (int c = 0; c < components; c++)
        {
            ReadOnlySpan<byte> spec = segment.Slice(6 + (3 * c), 3);
            state.ComponentIds[c] = spec[0];
            if (spec[1] != 0x11)
            {
                throw Malformed($"JPEG component {spec[0]} is subsampled ({spec[1] >> 4}x{spec[1] & 0xF}); lossless DICOM images are not");
            }
        }

        return new JpegLosslessInfo(precision, width, height, components);
    }

    private static void ParseHuffmanTables(ReadOnlySpan<byte> segment, DecoderState state)
    {
        while (!segment.IsEmpty)
        {
            if (segment.Length < 17)
            {
                throw Malformed("JPEG DHT segment is too short");
            }

            int tableClass = segment[0] >> 4;
            int id = segment[0] & 0xF;
            ReadOnlySpan<byte> counts = segment.Slice(1, 16);
            int total = 0;
            foreach (byte n in counts)
            {
                total += n;
            }

            if (tableClass > 1 || id >= MaxTables || total > 256 || segment.Length < 17 + total)
            {
                throw Malformed($"JPEG DHT table class {tableClass} id {id} with {total} codes does not fit its segment");
            }

            // Lossless scans use the DC tables (T.81 §H.1.2.2); a stray AC table is kept but never referenced.
            if (tableClass == 0)
            {
                state.Tables[id] = new JpegHuffmanTable(counts, segment.Slice(17, total));
            }

            segment = segment[(17 + total)..];
        }
    }

    private static void ParseScanHeader(ReadOnlySpan<byte> segment, DecoderState state)
    {
        int[] ids = state.ComponentIds ?? throw Malformed("JPEG SOS comes before SOF3");
        int count = segment.IsEmpty ? 0 : segment[0];
        if (count < 1 || count > ids.Length || segment.Length < 1 + (2 * count) + 3)
        {
            throw Malformed($"JPEG SOS segment for {count} components is malformed");
        }

        state.ScanComponents = new int[count];
        state.ScanTables = new JpegHuffmanTable[count];
        for (int i = 0; i < count; i++)
        {
            int id = segment[1 + (2 * i)];
            int table = segment[2 + (2 * i)] >> 4;
            int index = Array.IndexOf(ids, id);
            if (index < 0 || table >= MaxTables)
            {
                throw Malformed($"JPEG SOS names component {id} or table {table}, which the frame does not define");
            }

            state.ScanComponents[i] = index;
            state.ScanTables[i] = state.Tables[table] ?? throw Malformed($"JPEG scan uses Huffman table {table}, which no DHT defined");
        }

        int predictor = segment[1 + (2 * count)];
        int pointTransform = segment[3 + (2 * count)] & 0xF;
        if (predictor is < 1 or > 7 || pointTransform >= state.Info!.Precision)
        {
            throw Malformed($"JPEG scan selection value {predictor} or point transform {pointTransform} is not valid for lossless process 14");
        }

        state.Predictor = predictor;
        state.PointTransform = pointTransform;
    }

    private static void WriteSamples(ReadOnlySpan<ushort> samples, Span<byte> destination, int bytesPerSample, int pointTransform)
    {
        switch (bytesPerSample)
        {
            case 1:
                for (int i = 0; i < samples.Length; i++)
                {
                    destination[i] = (byte)(samples[i] << pointTransform);
                }

                break;
            case 2:
                for (int i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 * i)..], (ushort)(samples[i] << pointTransform));
                }

                break;
            default:
                for (int i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 * i)..], (ushort)(samples[i] << pointTransform));
                }

                break;
        }
    }

    private static DicomFormatException Malformed(string reason) => new(DicomFormatError.InvalidValue, reason, -1, new DicomTag(0x7FE0, 0x0010));
}
