namespace Edge.Dicom.Tests.Fuzzing;

/// <summary>
/// What a fuzz case exercises: every way of reading the bytes, then the consumers of a dataset (typed getters,
/// JSON, dump, writer). Only <see cref="DicomFormatException"/> may escape.
/// </summary>
internal static class FuzzTarget
{
    private static long s_read;
    private static long s_rejected;

    /// <summary>Datasets read and inputs rejected so far, to show the fuzzer reaches both outcomes.</summary>
    public static (long Read, long Rejected) Outcomes => (Interlocked.Read(ref s_read), Interlocked.Read(ref s_rejected));

    /// <param name="scratchFile">When given, the input is also read from this file with values left on disk.</param>
    public static void Run(byte[] input, string? scratchFile = null)
    {
        Consume(() => DicomFile.Read(input));
        Consume(() => DicomFile.Read(new NonSeekableStream(input), DicomReadOptions.HeaderOnly));
        Consume(() => DicomFile.Read(new MemoryStream(input), new DicomReadOptions { BulkDataThreshold = 32 }));
        Consume(() => new DicomFile(new DicomDataset(), DicomDatasetReader.Read(input, DicomTransferSyntax.ImplicitVRLittleEndian), DicomTransferSyntax.ImplicitVRLittleEndian));
        Consume(() => new DicomFile(new DicomDataset(), DicomDatasetReader.Read(input, DicomTransferSyntax.ExplicitVRBigEndian), DicomTransferSyntax.ExplicitVRBigEndian));
        if (scratchFile is not null)
        {
            File.WriteAllBytes(scratchFile, input);
            Consume(() => DicomFile.Open(scratchFile, new DicomReadOptions { BulkDataThreshold = 16, ReadPixelData = false }));
        }
    }

    private static void Consume(Func<DicomFile> read)
    {
        DicomFile file;
        try
        {
            file = read();
        }
        catch (DicomFormatException)
        {
            Interlocked.Increment(ref s_rejected);
            return;
        }

        Interlocked.Increment(ref s_read);
        try
        {
            Exercise(file.Dataset);
            _ = DicomDump.ToText(file);
            _ = DicomJson.Serialize(file.Dataset);
            using var sink = new MemoryStream();
            DicomWriter.WritePart10(sink, file.FileMetaInformation, file.Dataset, file.TransferSyntax.IsBigEndian || !file.TransferSyntax.IsKnown
                ? DicomTransferSyntax.ExplicitVRLittleEndian
                : file.TransferSyntax);
        }
        catch (DicomFormatException)
        {
            // A value the writer cannot encode (e.g. fragments in a native syntax) is reported the same clean way.
        }
    }

    private static void Exercise(DicomDataset dataset)
    {
        foreach (DicomItem item in dataset)
        {
            _ = dataset.GetString(item.Tag);
            _ = dataset.GetStrings(item.Tag);
            _ = dataset.GetDoubles(item.Tag);
            _ = dataset.GetInt32s(item.Tag);
            _ = dataset.GetPersonName(item.Tag);
            _ = dataset.GetDate(item.Tag);
            _ = dataset.GetTime(item.Tag);
            _ = dataset.GetDateTime(item.Tag);
            _ = dataset.GetTags(item.Tag);
            _ = dataset.PrivateCreatorOf(item.Tag);
            if (item is DicomSequence sequence)
            {
                foreach (DicomDataset child in sequence.Items)
                {
                    Exercise(child);
                }
            }
        }
    }
}
