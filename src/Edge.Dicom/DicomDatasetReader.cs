using System.Buffers;
using System.IO.Compression;

namespace Edge.Dicom;

/// <summary>Reads a bare dataset (no preamble, no meta) of a known transfer syntax, as carried by DIMSE messages.</summary>
public static class DicomDatasetReader
{
    /// <summary>Reads a complete dataset; the bytes are copied once, values are slices of that copy.</summary>
    /// <exception cref="DicomFormatException">The bytes are not a valid dataset, or end inside an element.</exception>
    public static DicomDataset Read(ReadOnlySequence<byte> bytes, DicomTransferSyntax ts, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ts);
        options ??= DicomReadOptions.Default;
        options.Validate();
        if (ts.IsDeflated)
        {
            using var compressed = new MemoryStream(bytes.ToArray(), writable: false);
            return ReadFromStream(compressed, ts, options);
        }

        using DicomInput input = DicomInput.FromMemory(bytes.ToArray(), writable: true);
        return ReadCore(input, ts, options);
    }

    public static DicomDataset Read(ReadOnlySpan<byte> bytes, DicomTransferSyntax ts, DicomReadOptions? options = null)
        => Read(new ReadOnlySequence<byte>(bytes.ToArray()), ts, options);

    /// <summary>
    /// Parser contract for callers that receive a dataset piecewise: false when the bytes end inside an element
    /// (incomplete: wait for more), an exception only when they are malformed.
    /// </summary>
    public static bool TryRead(ReadOnlySequence<byte> bytes, DicomTransferSyntax ts, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DicomDataset? dataset, DicomReadOptions? options = null)
    {
        try
        {
            dataset = Read(bytes, ts, options);
            return true;
        }
        catch (DicomFormatException e) when (e.IsTruncation)
        {
            dataset = null;
            return false;
        }
    }

    /// <summary>Reads a dataset from a stream to its end.</summary>
    public static DicomDataset ReadFromStream(Stream stream, DicomTransferSyntax ts, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(ts);
        options ??= DicomReadOptions.Default;
        options.Validate();
        if (ts.IsDeflated)
        {
            using var inflater = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using DicomInput inflated = DicomInput.FromStream(inflater);
            return ReadCore(inflated, ts, options);
        }

        using DicomInput input = DicomInput.FromStream(stream);
        return ReadCore(input, ts, options);
    }

    private static DicomDataset ReadCore(DicomInput input, DicomTransferSyntax ts, DicomReadOptions options)
    {
        var dataset = new DicomDataset();
        var parser = new DicomParser(input, options, [], lenientContainers: false);
        parser.ReadTopLevel(dataset, DicomEncoding.Of(ts), options.StopAtTag?.Value ?? uint.MaxValue);
        return dataset;
    }
}
