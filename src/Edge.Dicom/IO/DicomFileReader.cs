using System.IO.Compression;

namespace Edge.Dicom;

/// <summary>Part 10 framing (PS3.10 §7.1): optional preamble and prefix, the meta group, then the dataset.</summary>
internal static class DicomFileReader
{
    private static readonly DicomTag TransferSyntaxUidTag = new(0x0002, 0x0010);

    public static DicomFile Read(DicomInput input, DicomReadOptions options)
    {
        var warnings = new List<string>();
        bool hasPreamble = SkipPreamble(input);
        var meta = new DicomDataset();
        var parser = new DicomParser(input, options, warnings, lenientContainers: true);

        if (input.TryEnsure(8) && LooksLikeMeta(input.Peek(8)))
        {
            DicomEncoding metaEncoding = DicomEncoding.ExplicitLittle;
            if (!IsExplicitHeader(input.Peek(8)))
            {
                warnings.Add("file meta information is not explicit VR little endian; read as implicit VR");
                metaEncoding = DicomEncoding.ImplicitLittle;
            }

            parser.ReadTopLevel(meta, metaEncoding, DicomParser.MetaGroupOnly);
        }
        else if (!hasPreamble)
        {
            warnings.Add("no preamble and no file meta information");
        }

        DicomTransferSyntax ts = ChooseTransferSyntax(input, meta, hasPreamble, warnings);
        var dataset = new DicomDataset();
        if (ts.IsDeflated)
        {
            ReadDeflated(input, options, ts, dataset, warnings);
            return new DicomFile(meta, dataset, ts, -1, warnings);
        }

        if (input.TryEnsure(8) && TransferSyntaxSniffer.Sniff(input.Peek(8), input.Remaining) is { } found && found.ExplicitVR != ts.IsExplicitVR)
        {
            // Meta headers that name the wrong VR encoding are common enough that readers follow the data.
            warnings.Add($"transfer syntax says {(ts.IsExplicitVR ? "explicit" : "implicit")} VR but the data is {(found.ExplicitVR ? "explicit" : "implicit")} VR; following the data");
            ts = found.ExplicitVR
                ? ts.IsBigEndian ? DicomTransferSyntax.ExplicitVRBigEndian : DicomTransferSyntax.ExplicitVRLittleEndian
                : DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        parser.ReadTopLevel(dataset, DicomEncoding.Of(ts), options.StopAtTag?.Value ?? uint.MaxValue);
        return new DicomFile(meta, dataset, ts, parser.PixelDataOffset, warnings);
    }

    private static bool SkipPreamble(DicomInput input)
    {
        if (input.TryEnsure(132) && input.Peek(132)[128..].SequenceEqual("DICM"u8))
        {
            input.Advance(132);
            return true;
        }

        if (input.TryEnsure(4) && input.Peek(4).SequenceEqual("DICM"u8))
        {
            input.Advance(4);
            return true;
        }

        return false;
    }

    private static bool LooksLikeMeta(ReadOnlySpan<byte> first) => first[0] == 0x02 && first[1] == 0x00;

    private static bool IsExplicitHeader(ReadOnlySpan<byte> first)
        => DicomVRExtensions.TryParse((ushort)((first[4] << 8) | first[5]), out _);

    private static DicomTransferSyntax ChooseTransferSyntax(DicomInput input, DicomDataset meta, bool hasPreamble, List<string> warnings)
    {
        string? uid = meta.GetString(TransferSyntaxUidTag);
        if (!string.IsNullOrEmpty(uid))
        {
            DicomTransferSyntax ts = DicomTransferSyntax.Lookup(uid);
            if (!ts.IsKnown)
            {
                warnings.Add($"unknown transfer syntax {uid}; read as explicit VR little endian");
            }

            return ts;
        }

        if (!input.TryEnsure(8))
        {
            if (input.Buffered == 0 && (hasPreamble || meta.Count > 0))
            {
                return DicomTransferSyntax.ExplicitVRLittleEndian;
            }

            throw new DicomFormatException(DicomFormatError.NotDicom, "too short to be a DICOM dataset", input.Position, null);
        }

        ReadOnlySpan<byte> first = input.Peek(8);
        DicomEncoding? sniffed = TransferSyntaxSniffer.Sniff(first, input.Remaining);
        if (sniffed is not { } encoding || (!hasPreamble && meta.Count == 0 && !TransferSyntaxSniffer.LooksLikeDatasetStart(first, encoding)))
        {
            throw new DicomFormatException(DicomFormatError.NotDicom, "no DICM prefix, and the data does not start like a DICOM dataset", input.Position, null);
        }

        warnings.Add("no transfer syntax in the file meta information; detected from the data");
        return encoding.ExplicitVR
            ? encoding.BigEndian ? DicomTransferSyntax.ExplicitVRBigEndian : DicomTransferSyntax.ExplicitVRLittleEndian
            : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    private static void ReadDeflated(DicomInput input, DicomReadOptions options, DicomTransferSyntax ts, DicomDataset dataset, List<string> warnings)
    {
        // Deflated Explicit VR Little Endian: everything after the meta group is one raw deflate stream (PS3.5 §A.5).
        using Stream remainder = input.OpenRemainder();
        using var inflater = new DeflateStream(remainder, CompressionMode.Decompress);
        using DicomInput inflated = DicomInput.FromStream(inflater);
        var parser = new DicomParser(inflated, options, warnings, lenientContainers: true);
        parser.ReadTopLevel(dataset, DicomEncoding.Of(ts), options.StopAtTag?.Value ?? uint.MaxValue);
    }
}
