using System.Globalization;
using Edge.Imaging.Assembly;
using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Reporting;
using Edge.Service.Control.Contracts;
using Edge.Store.Documents;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// <c>edgectl results show ID --png FILE</c>: the key slice of a stored result with its findings circled, drawn from the
/// received images while the box still keeps them (<c>Storage:KeepReceivedHours</c>), for QA at the box.
/// </summary>
internal static class ResultKeyImage
{
    public static int Write(ResultDetail detail, string pngPath, TextWriter output, TextWriter error)
    {
        const string Command = "edgectl results show --png";
        var findings = detail.Result.Models
            .SelectMany(m => m.Findings.Select(f => (Model: m, Finding: f)))
            .Where(p => p.Finding.CentroidLps is { Length: 3 } && p.Finding.MaxDiameterMm is > 0)
            .ToList();
        if (findings.Count == 0)
        {
            error.WriteLine($"{Command}: result {detail.Result.Id} ({detail.Result.Decision.ToString().ToLowerInvariant()}) has no finding to show");
            return 1;
        }

        SeriesRecord? series = detail.Series;
        if (series?.FilesPurgedAt is { } purged)
        {
            error.WriteLine($"{Command}: the series' images were deleted at {purged.ToLocalTime():yyyy-MM-dd HH:mm} (Storage:KeepReceivedHours); no key image can be drawn");
            return 1;
        }

        if (series?.StoragePath is not { } folder || !Directory.Exists(folder))
        {
            error.WriteLine($"{Command}: the series' images are not on this box ({series?.StoragePath ?? "no path recorded"})");
            return 1;
        }

        ModelResult model = findings.MaxBy(p => p.Finding.MaxDiameterMm)!.Model;
        KeyImageFinding[] marks = [.. findings.Select(p => new KeyImageFinding(p.Finding.Label,
            new Vector3D(p.Finding.CentroidLps![0], p.Finding.CentroidLps[1], p.Finding.CentroidLps[2]),
            p.Finding.MaxDiameterMm!.Value, p.Finding.VolumeMl, p.Finding.Probability, p.Finding.Location))];
        try
        {
            KeyImageExport.Written png = KeyImageExport.Write(folder, marks, $"{model.Id} {model.Version}", Banner(model.Id), pngPath);
            Vector3D c = png.Finding.CentroidLps;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Key image {png.Path} ({png.Width}x{png.Height}): slice {png.Slice + 1} of {png.Slices}, {png.Finding.Label} circled at LPS ({c.X:0.0}, {c.Y:0.0}, {c.Z:0.0}) mm"));
            return 0;
        }
        catch (Exception ex) when (ex is VolumeAssemblyException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{Command}: {ex.Message}{(ex is UnauthorizedAccessException ? " (the images belong to the edge user: use sudo)" : string.Empty)}");
            return 1;
        }
    }

    /// <summary>The "not for diagnosis" banner unless the model's package says it is for clinical use; an unknown model gets it too.</summary>
    private static string? Banner(string modelId)
    {
        ModelDirectory models = ModelDirectoryResolver.Resolve(null);
        ModelPackage? package = Directory.Exists(models.Path)
            ? ModelCatalog.Discover(models.Path).Where(e => e.IsValid).Select(e => e.Package!).FirstOrDefault(p => p.Id == modelId)
            : null;
        return package is not null && !AlgorithmDescription.FromPackage(package).NotForClinicalUse ? null : ReportingOptions.DefaultBannerText;
    }
}
