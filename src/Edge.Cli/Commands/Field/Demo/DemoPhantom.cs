using System.Globalization;
using Edge.Cli.Terminal;
using Edge.Imaging.Phantom;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>
/// One synthetic CT series for the demo, written as DICOM: the phantom generator's abdomen, with or without a pancreatic
/// lesion, and patient fields that are fictitious yet shaped like real ones, so the demo can show none of them reach
/// the broker.
/// </summary>
internal sealed record DemoPhantom(string Title, string Directory, string SeriesInstanceUid, string StudyInstanceUid, IReadOnlyList<string> Identifiers, LesionTruth? Lesion)
{
    /// <summary>
    /// A lesion the reference model finds reliably: the demo shows the pipeline, not the model's limit of detection
    /// (that is <c>edgectl eval</c>'s job).
    /// </summary>
    public const double LesionDiameterMm = 25;

    public const double LesionContrastHu = 30;

    /// <summary>Slice thickness and spacing: inside the reference model's eligibility (0.5-5 mm, at least 100 mm of coverage).</summary>
    public const double SliceMm = 2.0;

    public static DemoPhantom Create(string directory, int seed, bool lesion, int size, int slices, TextWriter progressWriter, CancellationToken cancellationToken)
    {
        var options = new PhantomOptions
        {
            Seed = seed,
            Size = size,
            Slices = slices,
            SliceThicknessMm = SliceMm,
            Lesion = lesion,
            LesionDiameterMm = lesion ? LesionDiameterMm : null,
            LesionContrastHu = lesion ? LesionContrastHu : null,
            LesionSite = lesion ? PancreasSite.Body : null,
        };
        string name = string.Create(CultureInfo.InvariantCulture, $"DEMO^PATIENT^SEED{seed}");
        string id = string.Create(CultureInfo.InvariantCulture, $"DEMO-{seed}-MRN");
        PhantomVolume phantom;
        string title = lesion ? "phantom with a lesion" : "phantom without a lesion";
        using (var progress = new TerminalProgress($"      generating the {title}", slices, progressWriter))
        {
            phantom = PhantomGenerator.Generate(options, progress, cancellationToken);
        }

        PhantomGroundTruth truth;
        using (var progress = new TerminalProgress($"      writing the {title}", slices, progressWriter))
        {
            truth = PhantomWriter.Write(phantom, directory, new PhantomOutputOptions
            {
                Labels = false,
                DicomOptions = new PhantomDicomOptions { PatientName = name, PatientId = id },
            }, progress, cancellationToken);
        }

        string study = truth.StudyInstanceUid ?? throw new InvalidOperationException("the phantom writer reported no Study Instance UID");
        string series = truth.SeriesInstanceUid ?? throw new InvalidOperationException("the phantom writer reported no Series Instance UID");
        return new DemoPhantom(title, Path.Combine(directory, PhantomWriter.DicomFolder), series, study, [name, id, "DEMO^PATIENT", study, series], truth.Lesion);
    }
}
