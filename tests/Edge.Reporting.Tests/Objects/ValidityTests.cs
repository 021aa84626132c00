using Edge.Dicom;
using Edge.Inference.Screening;
using Xunit.Abstractions;

namespace Edge.Reporting.Tests.Objects;

/// <summary>Every object Edge makes passes dciodvfy with no error and reads back with our own reader.</summary>
[Collection(PhantomCollection.Name)]
public sealed class ValidityTests(PhantomSeries phantom, ITestOutputHelper output)
{
    public static TheoryData<string> Decisions => new() { "suspicious", "negative", "not_eligible", "failed" };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Every_object_passes_dciodvfy_and_reads_back(string decision)
    {
        ModelResult result = decision switch
        {
            "suspicious" => phantom.Suspicious(),
            "negative" => phantom.Negative(),
            "not_eligible" => PhantomSeries.NotEligible(),
            _ => PhantomSeries.Failed(),
        };
        ResultObjectSet set = new ResultObjectFactory().Create(phantom.Request(result));
        using var directory = new TempDirectory();

        IReadOnlyList<string> paths = set.SaveAll(directory.Path);

        Assert.NotEmpty(paths);
        foreach (string path in paths)
        {
            IReadOnlyList<string> warnings = Dciodvfy.AssertValid(path);
            output.WriteLine($"{Path.GetFileName(path)}: {warnings.Count} warning(s)");
            foreach (string warning in warnings)
            {
                output.WriteLine("  " + warning);
            }

            DicomFile file = DicomFile.Open(path);
            Assert.Equal(phantom.Source.StudyInstanceUid, file.Dataset.GetString(DicomTags.StudyInstanceUID));
            Assert.NotEqual(phantom.Source.SeriesInstanceUid, file.Dataset.GetString(DicomTags.SeriesInstanceUID));
        }
    }
}
