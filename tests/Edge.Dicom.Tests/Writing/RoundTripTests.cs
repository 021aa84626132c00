namespace Edge.Dicom.Tests.Writing;

/// <summary>Read → write → read gives an equal dataset, for every corpus file the writer can write.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Files => PydicomCorpus.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_round_trips(string file)
    {
        DicomFile original;
        try
        {
            original = DicomFile.Open(PydicomCorpus.FullPath(file));
        }
        catch (DicomFormatException)
        {
            // Rejected files are covered by CorpusTests (only where pydicom rejects them too).
            return;
        }

        // Big endian is retired: it is written as explicit VR little endian, values unchanged in memory.
        DicomTransferSyntax ts = original.TransferSyntax.IsBigEndian ? DicomTransferSyntax.ExplicitVRLittleEndian : original.TransferSyntax;
        using var stream = new MemoryStream();
        DicomWriter.WritePart10(stream, original.FileMetaInformation, original.Dataset, ts);
        DicomFile again = DicomFile.Read(stream.ToArray());

        Assert.Equal(ts, again.TransferSyntax);
        DatasetAssert.Equal(original.Dataset, again.Dataset, afterWrite: true);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2", false)]
    [InlineData("1.2.840.10008.1.2.1", false)]
    [InlineData("1.2.840.10008.1.2.1", true)]
    [InlineData("1.2.840.10008.1.2.1.99", false)]
    [InlineData("1.2.840.10008.1.2.2", true)]
    public void Native_file_converts_between_transfer_syntaxes(string uid, bool definedLengths)
    {
        DicomFile original = DicomFile.Open(TestFiles.Corpus("CT_small.dcm"));
        DicomTransferSyntax ts = DicomTransferSyntax.Lookup(uid);
        using var stream = new MemoryStream();
        DicomWriter.WritePart10(stream, original.FileMetaInformation, original.Dataset, ts, new DicomWriteOptions { DefinedLengthSequences = definedLengths });
        DicomFile again = DicomFile.Read(stream.ToArray());
        Assert.Equal(ts, again.TransferSyntax);
        DatasetAssert.Equal(original.Dataset, again.Dataset, afterWrite: true);
    }

    [Fact]
    public void Save_and_open_through_the_file_system()
    {
        string path = Path.Combine(Path.GetTempPath(), $"edge-roundtrip-{Guid.NewGuid():N}.dcm");
        try
        {
            DicomFile original = DicomFile.Open(TestFiles.Corpus("MR_small_bigendian.dcm"));
            original.Save(path);
            DicomFile again = DicomFile.Open(path);
            Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, again.TransferSyntax);
            DatasetAssert.Equal(original.Dataset, again.Dataset, afterWrite: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Written_files_are_accepted_by_dcmtk()
    {
        const string Dcmdump = "/usr/bin/dcmdump";
        Assert.True(File.Exists(Dcmdump), "dcmdump is missing: install the Debian package dcmtk (.ci/run does)");
        string dir = Directory.CreateTempSubdirectory("edge-dcmtk-").FullName;
        try
        {
            foreach (DicomTransferSyntax ts in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian })
            {
                string path = Path.Combine(dir, ts.Uid + ".dcm");
                File.WriteAllBytes(path, TestFiles.Part10(TestFiles.SmallCt(), ts));
                (int exit, string output) = Run(Dcmdump, "-E", "+L", "-Un", path);
                Assert.True(exit == 0, $"dcmdump rejected {ts.Name}: {output}");
                Assert.Contains("(0010,0020) LO [ID1]", output, StringComparison.Ordinal);
                Assert.Contains(ts.Uid, output, StringComparison.Ordinal);
                Assert.DoesNotContain("W: ", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        Task<string> err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + err.Result);
    }
}
