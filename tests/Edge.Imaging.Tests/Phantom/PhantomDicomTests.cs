using System.Diagnostics;
using System.Text.Json;
using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Imaging.Tests.Assembly;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Phantom;

/// <summary>The phantom as DICOM: valid files, the same voxels back through assembly and through pydicom.</summary>
public sealed class PhantomDicomTests
{
    private static readonly PhantomOptions Options = new()
    {
        Seed = 5, Size = 96, Slices = 40, SliceThicknessMm = 2.5, Lesion = true, LesionDiameterMm = 18, LesionSite = PancreasSite.Body,
    };

    [Theory]
    [InlineData(PatientPosition.HFS, PixelEncoding.Unsigned)]
    [InlineData(PatientPosition.FFS, PixelEncoding.Signed)]
    public void Written_series_assembles_to_exactly_the_generated_volume_and_matches_pydicom(PatientPosition position, PixelEncoding encoding)
    {
        using var directory = new TestDirectory();
        PhantomVolume phantom = PhantomGenerator.Generate(Options);
        var outputs = new PhantomOutputOptions { HuNpy = true, DicomOptions = new PhantomDicomOptions { PatientPosition = position, Encoding = encoding } };

        PhantomGroundTruth truth = PhantomWriter.Write(phantom, directory.Path, outputs);

        AssembledVolume assembled = VolumeAssembler.AssembleFiles(Directory.GetFiles(directory.Combine("dicom")));
        CtVolume expected = phantom.ToCtVolume();
        Assert.Equal(expected.Voxels, assembled.Volume.Voxels);
        Assert.Equal(phantom.Geometry.Shape, assembled.Volume.Shape);
        Assert.Equal(phantom.Geometry.Origin.Z, assembled.Volume.Geometry.Origin.Z, 3);
        Assert.Equal(phantom.Geometry.Spacing.Y, assembled.Volume.Geometry.Spacing.Y, 4);
        Assert.Empty(assembled.Volume.Warnings);
        Assert.Equal(truth.SeriesInstanceUid, assembled.Volume.SeriesInstanceUid);

        JsonElement oracle = Python.RunJson("oracle.py", directory.Combine("dicom"));
        OracleAssemblyTests.AssertMatchesOracle(oracle, assembled.Volume);
    }

    [Fact]
    public void Ground_truth_json_and_npy_files_agree_with_numpy()
    {
        using var directory = new TestDirectory();
        PhantomVolume phantom = PhantomGenerator.Generate(Options);
        PhantomWriter.Write(phantom, directory.Path, new PhantomOutputOptions { HuNpy = true, Dicom = false });

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(directory.Combine(PhantomWriter.GroundTruthFile)));
        JsonElement root = json.RootElement;
        Assert.Equal("edge-phantom/1", root.GetProperty("generator").GetString());
        Assert.Equal("labels.npy", root.GetProperty("files").GetProperty("labels").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("files").GetProperty("dicom").ValueKind);
        JsonElement lesion = root.GetProperty("lesion");
        Assert.Equal("body", lesion.GetProperty("site").GetString());
        Assert.Equal(18, lesion.GetProperty("diameterMm").GetDouble());

        JsonElement labels = Python.RunJson("oracle.py", "--npy", directory.Combine(PhantomWriter.LabelsFile));
        Assert.Equal("uint8", labels.GetProperty("dtype").GetString());
        Assert.Equal([40, 96, 96], labels.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(lesion.GetProperty("voxels").GetInt64(), labels.GetProperty("counts").GetProperty("2").GetInt64());
        long pancreas = labels.GetProperty("counts").GetProperty("1").GetInt64();
        Assert.Equal(root.GetProperty("pancreas").GetProperty("voxels").GetInt64(), pancreas + lesion.GetProperty("voxels").GetInt64());

        JsonElement hu = Python.RunJson("oracle.py", "--npy", directory.Combine(PhantomWriter.HuFile));
        Assert.Equal("int16", hu.GetProperty("dtype").GetString());
    }

    [Fact]
    public void Files_pass_the_dicom3tools_validator()
    {
        using var directory = new TestDirectory();
        PhantomVolume phantom = PhantomGenerator.Generate(Options with { Slices = 2 });
        PhantomWriter.Write(phantom, directory.Path);
        string file = Directory.GetFiles(directory.Combine("dicom")).Order(StringComparer.Ordinal).First();

        string report = RunValidator(file);

        Assert.DoesNotContain("Error", report, StringComparison.Ordinal);
        Assert.Contains("CTImage", report, StringComparison.Ordinal);
    }

    private static string RunValidator(string file)
    {
        const string Validator = "/usr/bin/dciodvfy";
        if (!File.Exists(Validator))
        {
            throw new InvalidOperationException($"{Validator} is missing: install dicom3tools (see .ci/run)");
        }

        var start = new ProcessStartInfo(Validator, [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Result + error;
    }
}
