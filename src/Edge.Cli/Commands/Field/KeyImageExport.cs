using System.Globalization;
using Edge.Imaging;
using Edge.Imaging.Assembly;
using Edge.Imaging.Geometry;
using Edge.IO;
using Edge.Reporting.KeyImages;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// The key image of a result as a PNG (<c>edgectl demo</c>, <c>edgectl results show ID --png</c>): the series' slice
/// through the largest finding, drawn by the reporting layer's renderer (the same pixels as the Secondary Capture it
/// sends to PACS), each finding on the slice marked and listed below the image, the "not for diagnosis" banner on top
/// when the model says so.
/// </summary>
internal static class KeyImageExport
{
    public sealed record Written(string Path, int Slice, int Slices, KeyImageFinding Finding, int Width, int Height);

    /// <summary>Assembles the CT series in <paramref name="seriesDirectory"/> and writes the key image; throws <see cref="VolumeAssemblyException"/> on bad input.</summary>
    public static Written Write(string seriesDirectory, IReadOnlyList<KeyImageFinding> findings, string caption, string? banner, string pngPath)
    {
        if (findings.Count == 0)
        {
            throw new ArgumentException("a key image needs at least one finding", nameof(findings));
        }

        SeriesScan scan = SeriesScanner.ScanDirectory(seriesDirectory);
        if (scan.Series.Count == 0)
        {
            throw new VolumeAssemblyException($"no DICOM images in {seriesDirectory} ({scan.FilesExamined} file(s) examined)");
        }

        CtVolume volume = VolumeAssembler.Assemble(scan.Series[0].Frames, earlier: scan.WarningsFor(scan.Series[0])).Volume;
        KeyImageFinding key = findings.MaxBy(f => f.DiameterMm)!;
        int z = SliceOf(volume.Geometry, key.CentroidLps);

        // Every finding whose sphere reaches this slice is marked; the rest are on other key images of the SC series.
        var marks = new List<KeyImageMark>();
        int tag = 1;
        foreach (KeyImageFinding finding in findings.OrderByDescending(f => f.DiameterMm))
        {
            double offsetMm = Math.Abs(volume.Geometry.PatientToIndex(finding.CentroidLps).Z - z) * volume.Geometry.Spacing.Z;
            if (finding == key || offsetMm <= finding.DiameterMm / 2)
            {
                marks.Add(new KeyImageMark
                {
                    Tag = (tag++).ToString(CultureInfo.InvariantCulture),
                    Legend = Legend(finding),
                    CentreLps = finding.CentroidLps,
                    DiameterMm = finding.DiameterMm,
                });
            }
        }

        KeyImage image = new KeyImageRenderer().Render(new KeyImageRequest
        {
            Volume = volume,
            Z = z,
            Marks = marks,
            Banner = banner,
            Caption = string.Create(CultureInfo.InvariantCulture, $"{caption}; slice {z + 1} of {volume.Shape.Depth}"),
        });
        AtomicFile.Write(Path.GetFullPath(pngPath), image.EncodePng(),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return new Written(Path.GetFullPath(pngPath), z, volume.Shape.Depth, key, image.Width, image.Height);
    }

    public static int SliceOf(VolumeGeometry geometry, Vector3D lps) =>
        Math.Clamp((int)Math.Round(geometry.PatientToIndex(lps).Z, MidpointRounding.AwayFromZero), 0, geometry.Depth - 1);

    public static string Legend(KeyImageFinding f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Label}{(f.Region is null ? string.Empty : " (" + f.Region + ")")}: {f.DiameterMm:0.0} mm{(f.VolumeMl is { } ml ? $", {ml:0.00} ml" : string.Empty)}{(f.Probability is { } p ? $", p {p:0.00}" : string.Empty)}");
}
