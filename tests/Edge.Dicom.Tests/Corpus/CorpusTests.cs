using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Edge.Dicom.Tests;

/// <summary>Every file of pydicom's corpus is read, or rejected cleanly only where pydicom rejects it too.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => PydicomCorpus.Theory();

    [Fact]
    public void Corpus_is_present_and_substantial()
    {
        // 75 entries in test_files plus dicomdirtests and 17 charset files: a shrinking corpus means a broken install.
        Assert.True(PydicomCorpus.Files.Count > 150, $"only {PydicomCorpus.Files.Count} corpus files found");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_is_read_or_rejected_only_where_pydicom_rejects_it(string file)
    {
        OracleVerdict oracle = PydicomOracle.For(file);
        DicomFile? read = null;
        DicomFormatException? rejected = null;
        try
        {
            read = DicomFile.Open(PydicomCorpus.FullPath(file));
        }
        catch (DicomFormatException e)
        {
            rejected = e;
        }

        if (rejected is not null)
        {
            Assert.False(oracle.PydicomReads, $"Edge rejects {file} ({rejected.Message}) but pydicom reads it");
            Assert.True(rejected.Offset >= 0, "a rejection names the byte offset");
            return;
        }

        Assert.NotNull(read);
        Assert.True(read.Dataset.Count > 0, "a file that reads has elements");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Header_only_read_agrees_with_full_read(string file)
    {
        DicomFile full;
        try
        {
            full = DicomFile.Open(PydicomCorpus.FullPath(file));
        }
        catch (DicomFormatException)
        {
            Assert.Throws<DicomFormatException>(() => DicomFile.Open(PydicomCorpus.FullPath(file), DicomReadOptions.HeaderOnly));
            return;
        }

        DicomFile header = DicomFile.Open(PydicomCorpus.FullPath(file), DicomReadOptions.HeaderOnly);
        DicomDataset expected = full.Dataset;
        if (full.TransferSyntax.IsDeflated)
        {
            // Inflated data has no file offsets to come back to, so a header-only read stops before pixel data.
            expected = expected.Clone();
            expected.RemoveRange(new DicomTag(0x7FE0, 0x0008), new DicomTag(0xFFFF, 0xFFFF));
        }

        DatasetAssert.Equal(expected, header.Dataset);
        Assert.Equal(full.PixelDataOffset, header.PixelDataOffset);
        using var stream = File.OpenRead(PydicomCorpus.FullPath(file));
        DatasetAssert.Equal(full.Dataset, DicomFile.Read(stream).Dataset);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_agrees_with_pydicom(string file)
    {
        OracleVerdict oracle = PydicomOracle.For(file);
        DicomFile read;
        try
        {
            read = DicomFile.Open(PydicomCorpus.FullPath(file));
        }
        catch (DicomFormatException)
        {
            Assert.False(oracle.PydicomReads);
            return;
        }

        Assert.NotNull(oracle.Json);
        JsonObject ours = JsonNode.Parse(DicomJson.Serialize(read.Dataset))!.AsObject();
        var comparer = new DicomJsonComparer((path, kind, detail) => OracleDifferences.IsPrincipled(file, path, kind, detail, oracle));
        comparer.Compare(ours, oracle.Json);
        foreach (string accepted in comparer.Accepted)
        {
            output.WriteLine("accepted (see OracleDifferences): " + accepted);
        }

        output.WriteLine($"{comparer.ComparedValues} values compared");
        Assert.True(comparer.Differences.Count == 0, $"{file}: {comparer.Differences.Count} differences from pydicom:\n" + string.Join('\n', comparer.Differences.Take(40)));
        Assert.True(comparer.ComparedValues > 0 || ours.Count <= 2, "the comparison compared values");
    }
}
