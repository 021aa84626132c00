using System.CommandLine;
using Edge.Imaging;
using Edge.Imaging.Assembly;
using Edge.Imaging.Eligibility;

namespace Edge.Cli.Commands.Imaging;

/// <summary>
/// <c>edgectl volume DIR [--json] [--rules FILE]</c>: assembles the CT series in a folder into a volume and reports
/// its geometry, HU statistics, warnings and (with --rules) which models may run on it and why.
/// </summary>
internal static class VolumeCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Folder holding the series (searched recursively), or one DICOM file" };
        var json = new Option<bool>("--json") { Description = "Print JSON: shape, spacing, origin, direction, hu, seriesInstanceUid, instanceCount, warnings[, eligibility]" };
        var rules = new Option<string?>("--rules") { Description = "Eligibility rules (JSON, see src/Edge.Imaging/RULES.md) to evaluate per model" };
        var series = new Option<string?>("--series") { Description = "SeriesInstanceUID to assemble when the folder holds several (default: the largest)" };
        var noTilt = new Option<bool>("--no-tilt-correction") { Description = "Report gantry tilt but keep the sheared grid" };
        var noFill = new Option<bool>("--no-gap-fill") { Description = "Report gaps but do not interpolate missing slices" };
        var derived = new Option<bool>("--include-derived") { Description = "Use DERIVED/SECONDARY images too" };
        var save = new Option<string?>("--save-npy") { Description = "Write the HU volume as float32 [z,y,x] .npy" };
        var command = new Command("volume", "Assemble a CT series into a 3D HU volume and check it") { path, json, rules, series, noTilt, noFill, derived, save };
        command.SetAction(result => Run(
            result.GetValue(path)!,
            result.GetValue(json),
            result.GetValue(rules),
            result.GetValue(series),
            new VolumeAssemblyOptions
            {
                CorrectTilt = !result.GetValue(noTilt),
                FillGaps = !result.GetValue(noFill),
                IncludeDerived = result.GetValue(derived),
            },
            result.GetValue(save),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, bool json, string? rulesPath, string? seriesUid, VolumeAssemblyOptions options, string? savePath, TextWriter output, TextWriter error)
    {
        try
        {
            // Rules first: a bad rules file should fail before seconds of decoding.
            RuleSet? rules = rulesPath is null ? null : RuleSet.Load(rulesPath);
            SeriesScan scan = Directory.Exists(path) ? SeriesScanner.ScanDirectory(path)
                : File.Exists(path) ? SeriesScanner.ScanFiles([path])
                : throw new VolumeAssemblyException($"'{path}' is neither a folder nor a file");
            ScannedSeries chosen = Choose(scan, seriesUid, path);
            AssembledVolume assembled = VolumeAssembler.Assemble(chosen.Frames, options, scan.WarningsFor(chosen));
            HuStatistics hu = assembled.Volume.ComputeStatistics();
            IReadOnlyList<EligibilityResult>? eligibility = rules?.Evaluate(assembled.Properties);
            if (savePath is not null)
            {
                Edge.Imaging.IO.Npy.Write(savePath, assembled.Volume.Data, assembled.Volume.Shape.ToArray());
            }

            var report = new VolumeReport(assembled.Volume, hu, eligibility);
            output.Write(json ? report.ToJson() + Environment.NewLine : report.ToText());
            return 0;
        }
        catch (Exception e) when (e is VolumeAssemblyException or RuleFormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgectl volume: {e.Message}");
            return 1;
        }
    }

    private static ScannedSeries Choose(SeriesScan scan, string? seriesUid, string path)
    {
        if (scan.Series.Count == 0)
        {
            string detail = scan.Unreadable.Count > 0 ? $"; {scan.Unreadable.Count} unreadable, first: {scan.Unreadable[0]}" : string.Empty;
            throw new VolumeAssemblyException($"no DICOM images in {path} ({scan.FilesExamined} file(s) examined{detail})");
        }

        if (seriesUid is null)
        {
            return scan.Series[0];
        }

        return scan.Series.FirstOrDefault(s => s.SeriesInstanceUid == seriesUid)
            ?? throw new VolumeAssemblyException($"series {seriesUid} is not in {path} (found: {string.Join(", ", scan.Series.Select(s => s.SeriesInstanceUid))})");
    }
}
