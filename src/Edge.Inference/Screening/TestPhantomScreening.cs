using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;

namespace Edge.Inference.Screening;

/// <summary>
/// Screens a small lesion-free phantom through the whole path a real series takes (DICOM files, scan, volume assembly,
/// every active model with its pre- and postprocessing). The field self-test checks the verdict; edge-service runs it
/// once before it reports ready, so the first real scan does not pay for compiling that code (a third of a second on
/// a 300-slice series on this class of CPU) and a model that computes wrongly is seen at start-up.
/// </summary>
public static class TestPhantomScreening
{
    /// <summary>
    /// A small but eligible series: 128² × 64 slices of 2.5 mm (160 mm, the reference model wants 0.5-5 mm and 100 mm of
    /// coverage), about 2 MB, generated in well under a second.
    /// </summary>
    public const int Size = 128;

    public const int Slices = 64;

    public const double SliceMm = 2.5;

    /// <summary>The lesion-free phantom the self-test checks: its verdict must be negative.</summary>
    public static PhantomOptions LesionFree { get; } = new()
    {
        Seed = 20260501, Size = Size, Slices = Slices, SliceThicknessMm = SliceMm, Lesion = false,
    };

    /// <summary>
    /// A phantom that takes the paths the lesion-free one does not, for a warm-up only (no verdict is expected of it):
    /// pixels finer than a typical model grid (1.5 mm, so a cascade's second stage filters its box as it does for a
    /// diagnostic scan) and a 20 mm lesion 30 HU below the gland (findings, their measurement and location). 256² × 48
    /// slices of 2.5 mm (120 mm), about 6 MB.
    /// </summary>
    public static PhantomOptions FinePixelsWithLesion { get; } = new()
    {
        Seed = 20260502, Size = 256, Slices = 48, SliceThicknessMm = SliceMm, PixelSpacingMm = 1.5, LesionDiameterMm = 20, LesionContrastHu = 30,
    };

    public static ScreeningReport Run(ScreeningPipeline pipeline, CancellationToken cancellationToken = default) =>
        Run(pipeline, LesionFree, cancellationToken);

    /// <summary>Screens a phantom generated with <paramref name="options"/> through the whole path.</summary>
    public static ScreeningReport Run(ScreeningPipeline pipeline, PhantomOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        string folder = Directory.CreateTempSubdirectory("edge-test-phantom-").FullName;
        try
        {
            PhantomVolume phantom = PhantomGenerator.Generate(options, cancellationToken: cancellationToken);
            PhantomWriter.Write(phantom, folder, new PhantomOutputOptions { Labels = false }, cancellationToken: cancellationToken);
            SeriesScan scan = SeriesScanner.ScanDirectory(Path.Combine(folder, PhantomWriter.DicomFolder), cancellationToken: cancellationToken);
            AssembledVolume assembled = VolumeAssembler.Assemble(scan.Series[0].Frames, cancellationToken: cancellationToken);
            return pipeline.Screen(assembled.Volume, assembled.Properties, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
