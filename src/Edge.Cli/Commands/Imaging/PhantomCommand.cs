using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Edge.Cli.Terminal;
using Edge.Imaging.Phantom;

namespace Edge.Cli.Commands.Imaging;

/// <summary>
/// <c>edgectl phantom --out DIR ...</c>: a synthetic non-contrast abdominal CT with a pancreas and an optional
/// pancreatic lesion, as DICOM plus ground truth (JSON, label volume). Used by tests, the demo, benchmarks, model
/// training (in bulk: keep the options stable) and the field self-test.
/// </summary>
internal static class PhantomCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Output folder: dicom/, labels.npy, ground_truth.json (and hu.npy with --npy)", Required = true };
        var slices = new Option<int>("--slices") { Description = "Number of slices", DefaultValueFactory = _ => 120 };
        var size = new Option<int>("--size") { Description = "Rows and columns of each slice (16-1024)", DefaultValueFactory = _ => 512 };
        var thickness = new Option<double?>("--thickness") { Description = "Slice thickness in mm (default: drawn from the seed)" };
        var spacing = new Option<double?>("--spacing") { Description = "Distance between slice centres in mm (default: the thickness)" };
        var pixel = new Option<double?>("--pixel-spacing") { Description = "In-plane pixel size in mm (default: a 340-420 mm field of view)" };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same patient, scan and lesion", DefaultValueFactory = _ => 1 };
        var noise = new Option<double?>("--noise") { Description = "Noise standard deviation in HU (default: drawn, lower for thick slices)" };
        var lesionMm = new Option<double?>("--lesion-mm") { Description = "Add a pancreatic lesion of this diameter in mm" };
        var lesionSite = new Option<string?>("--lesion-site") { Description = "Where the lesion sits: head, body or tail (default: drawn)" };
        lesionSite.AcceptOnlyFromAmong("head", "body", "tail");
        var lesionContrast = new Option<double?>("--lesion-contrast") { Description = "HU below the pancreas (default: drawn from 5-30)" };
        var noLesion = new Option<bool>("--no-lesion") { Description = "No lesion (default: one phantom in two has one, by seed)" };
        var npy = new Option<bool>("--npy") { Description = "Also write hu.npy (int16 [z,y,x]) for training" };
        var noDicom = new Option<bool>("--no-dicom") { Description = "Skip the DICOM files (npy and ground truth only: fastest for training data)" };
        var feetFirst = new Option<bool>("--feet-first") { Description = "Feet-first patient position (instances numbered from the feet)" };
        var signed = new Option<bool>("--signed") { Description = "Signed pixels with intercept 0 (default: unsigned with intercept -1024)" };
        var force = new Option<bool>("--force") { Description = "Replace files of an earlier phantom in the output folder" };
        var command = new Command("phantom", "Generate a synthetic abdominal CT phantom (DICOM + ground truth)")
        {
            output, slices, size, thickness, spacing, pixel, seed, noise, lesionMm, lesionSite, lesionContrast, noLesion, npy, noDicom, feetFirst, signed, force,
        };
        command.SetAction(result =>
        {
            string? site = result.GetValue(lesionSite);
            var options = new PhantomOptions
            {
                Seed = result.GetValue(seed),
                Size = result.GetValue(size),
                Slices = result.GetValue(slices),
                SliceThicknessMm = result.GetValue(thickness),
                SliceSpacingMm = result.GetValue(spacing),
                PixelSpacingMm = result.GetValue(pixel),
                NoiseSigmaHu = result.GetValue(noise),
                Lesion = result.GetValue(noLesion) ? false : null,
                LesionDiameterMm = result.GetValue(lesionMm),
                LesionSite = site is null ? null : Enum.Parse<PancreasSite>(site, ignoreCase: true),
                LesionContrastHu = result.GetValue(lesionContrast),
            };
            var outputs = new PhantomOutputOptions
            {
                Dicom = !result.GetValue(noDicom),
                HuNpy = result.GetValue(npy),
                DicomOptions = new PhantomDicomOptions
                {
                    PatientPosition = result.GetValue(feetFirst) ? PatientPosition.FFS : PatientPosition.HFS,
                    Encoding = result.GetValue(signed) ? PixelEncoding.Signed : PixelEncoding.Unsigned,
                },
            };
            return Run(result.GetValue(output)!, options, outputs, result.GetValue(force), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
        return command;
    }

    internal static int Run(string directory, PhantomOptions options, PhantomOutputOptions outputs, bool force, TextWriter output, TextWriter error)
    {
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                error.WriteLine($"edgectl phantom: {problem}");
            }

            return 1;
        }

        string dicomFolder = Path.Combine(directory, PhantomWriter.DicomFolder);
        if (outputs.Dicom && Directory.Exists(dicomFolder) && Directory.EnumerateFileSystemEntries(dicomFolder).Any())
        {
            if (!force)
            {
                error.WriteLine($"edgectl phantom: {dicomFolder} already holds files; use --force to replace them");
                return 1;
            }

            foreach (string old in Directory.EnumerateFiles(dicomFolder, "*.dcm"))
            {
                File.Delete(old);
            }
        }

        var clock = Stopwatch.StartNew();
        try
        {
            PhantomVolume phantom;
            using (var progress = new TerminalProgress("rendering slices", options.Slices, error))
            {
                phantom = PhantomGenerator.Generate(options, progress);
            }

            double renderSeconds = clock.Elapsed.TotalSeconds;
            PhantomGroundTruth truth;
            using (var progress = new TerminalProgress("writing files", options.Slices, error))
            {
                truth = PhantomWriter.Write(phantom, directory, outputs, progress);
            }

            PhantomScan scan = phantom.Scan;
            output.WriteLine(Invariant(
                $"phantom seed {scan.Seed}: {scan.Slices} slices {scan.Size}x{scan.Size}, {scan.SliceThicknessMm:0.##} mm thick, {scan.SliceSpacingMm:0.##} mm apart, pixel {scan.PixelSpacingMm:0.###} mm, noise {scan.NoiseSigmaHu:0.#} HU"));
            output.WriteLine(truth.Lesion is { } l
                ? Invariant($"lesion: {l.Site}, {l.DiameterMm:0.#} mm, {l.ContrastHu:0.#} HU below the pancreas, centre voxel [z,y,x] [{l.CentreVoxel[0]:0.#}, {l.CentreVoxel[1]:0.#}, {l.CentreVoxel[2]:0.#}]")
                : "lesion: none");
            output.WriteLine(Invariant($"wrote {directory} in {clock.Elapsed.TotalSeconds:0.00} s (rendering {renderSeconds:0.00} s){(truth.SeriesInstanceUid is { } s ? $"; series {s}" : string.Empty)}"));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgectl phantom: cannot write {directory}: {e.Message}");
            return 1;
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
