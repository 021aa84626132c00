using Edge.Dicom;
using Edge.Imaging.Geometry;
using Edge.Reporting.KeyImages;
using SkiaSharp;

namespace Edge.Reporting.Tests.Objects;

/// <summary>Key images show the lesion outlined and, when the model card says so, a banner that is really there.</summary>
[Collection(PhantomCollection.Name)]
public sealed class KeyImageTests(PhantomSeries phantom)
{
    [Fact]
    public void Banner_is_drawn_with_legible_text()
    {
        KeyImage image = new ResultObjectFactory().RenderFinding(phantom.Request(phantom.Suspicious()), 0);

        Assert.True(image.ImageTop >= 20, $"banner strip is {image.ImageTop} rows");
        int red = 0, white = 0, total = 0;
        for (int y = 0; y < image.ImageTop; y++)
        {
            for (int x = 0; x < image.Width; x++, total++)
            {
                (byte r, byte g, byte b) = image[x, y];
                red += r == KeyImageRenderer.BannerColor.Red && g == KeyImageRenderer.BannerColor.Green && b == KeyImageRenderer.BannerColor.Blue ? 1 : 0;
                white += r > 200 && g > 200 && b > 200 ? 1 : 0;
            }
        }

        // Background mostly banner red; glyphs a clear share of it (the text runs across most of the width).
        Assert.True(red > total / 2, $"{red} of {total} banner pixels are banner red");
        Assert.True(white > total / 20, $"{white} of {total} banner pixels are text white");
        Assert.True(TextColumns(image) > image.Width / 2, "banner text should span most of the width");
    }

    [Fact]
    public void No_banner_when_switched_off()
    {
        var factory = new ResultObjectFactory(new ReportingOptions { Banner = BannerMode.Never });

        KeyImage image = factory.RenderFinding(phantom.Request(phantom.Suspicious()), 0);

        Assert.Equal(0, image.ImageTop);
        DicomDataset sc = StructuredReportTests.Reread(factory.Create(phantom.Request(phantom.Suspicious())).KeyImages.Single());
        Assert.Null(sc.GetString(DicomTags.ImageComments));
    }

    [Fact]
    public void Lesion_is_outlined_at_its_centroid_and_the_slice_is_soft_tissue_windowed()
    {
        KeyImage image = new ResultObjectFactory().RenderFinding(phantom.Request(phantom.Suspicious()), 0);
        VolumeGeometry geometry = phantom.Source.Geometry;
        ContinuousIndex centre = geometry.PatientToIndex(phantom.Lesion.CentroidLps);
        double radius = phantom.Lesion.MaxDiameterMm / geometry.Spacing.X * image.Scale;
        int cx = (int)((centre.X + 0.5) * image.Scale), cy = image.ImageTop + (int)((centre.Y + 0.5) * image.Scale);

        int outline = 0, elsewhere = 0;
        for (int y = image.ImageTop; y < image.ImageTop + image.ImageHeight; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                (byte r, byte g, byte b) = image[x, y];
                bool yellow = r > 200 && g > 150 && b < 80;
                bool near = Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) < radius;
                outline += yellow && near ? 1 : 0;
                elsewhere += yellow && !near ? 1 : 0;
            }
        }

        Assert.True(outline > 20, $"{outline} outline pixels near the lesion");
        Assert.True(elsewhere < outline / 4, $"{elsewhere} outline-coloured pixels away from the lesion (tag and legend text only)");

        // Fat (about −100 HU) is dark grey and soft tissue mid grey in W400/L40, never black or white.
        (byte pr, byte pg, byte pb) = image[cx, cy];
        Assert.Equal(pr, pg);
        Assert.Equal(pg, pb);
        Assert.InRange(pr, 40, 200);
    }

    [Fact]
    public void Without_a_label_map_the_finding_is_circled_at_its_centroid()
    {
        KeyImage image = new ResultObjectFactory().RenderFinding(phantom.Request(phantom.Suspicious()) with { Labels = null }, 0);
        VolumeGeometry geometry = phantom.Source.Geometry;
        ContinuousIndex centre = geometry.PatientToIndex(phantom.Lesion.CentroidLps);
        int cx = (int)((centre.X + 0.5) * image.Scale), cy = image.ImageTop + (int)((centre.Y + 0.5) * image.Scale);
        double radius = (phantom.Lesion.MaxDiameterMm / 2 / geometry.Spacing.X * image.Scale) + 4;

        // Sample the circle: most of its circumference is drawn (dashes), its centre is not.
        int drawn = 0;
        for (int degree = 0; degree < 360; degree += 5)
        {
            int x = cx + (int)Math.Round(radius * Math.Cos(degree * Math.PI / 180)), y = cy + (int)Math.Round(radius * Math.Sin(degree * Math.PI / 180));
            (byte r, byte g, byte b) = image[x, y];
            drawn += r > 200 && g > 150 && b < 80 ? 1 : 0;
        }

        Assert.True(drawn > 72 / 3, $"{drawn} of 72 circle samples drawn");
        (byte cr, byte cg, byte cb) = image[cx, cy];
        Assert.True(cr == cg && cg == cb, "the centre shows the slice, not the mark");
    }

    [Fact]
    public void Secondary_capture_is_rgb_derived_from_the_key_slice()
    {
        ResultObjectSet set = new ResultObjectFactory().Create(phantom.Request(phantom.Suspicious()));
        DicomDataset sc = StructuredReportTests.Reread(Assert.Single(set.KeyImages));

        Assert.Equal(DicomUids.SecondaryCaptureImageStorage, sc.GetString(DicomTags.SOPClassUID));
        Assert.Equal("RGB", sc.GetString(DicomTags.PhotometricInterpretation));
        Assert.Equal("YES", sc.GetString(DicomTags.BurnedInAnnotation));
        Assert.Equal(["L", "P"], sc.GetStrings(DicomTags.PatientOrientation));
        Assert.Equal(ReportingOptions.DefaultBannerText, sc.GetString(DicomTags.ImageComments));
        int z = (int)Math.Round(phantom.Source.Geometry.PatientToIndex(phantom.Lesion.CentroidLps).Z, MidpointRounding.AwayFromZero);
        string source = sc.GetSequence(DicomTags.SourceImageSequence)!.Items[0].GetString(DicomTags.ReferencedSOPInstanceUID)!;
        Assert.Equal(phantom.Source.FrameAt(z)!.SopInstanceUid, source);
        Assert.True(sc.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.True(sc.TryGetUInt16(DicomTags.Columns, out ushort columns));
        Assert.Equal(rows * columns * 3, sc.GetElement(DicomTags.PixelData)!.RawValue.Length);
    }

    [Fact]
    public void Png_holds_the_same_pixels()
    {
        KeyImage image = new ResultObjectFactory().RenderFinding(phantom.Request(phantom.Suspicious()), 0);
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "key.png");

        image.SavePng(path);

        using SKBitmap decoded = SKBitmap.Decode(path);
        Assert.Equal(image.Width, decoded.Width);
        Assert.Equal(image.Height, decoded.Height);
        for (int y = 0; y < image.Height; y += 7)
        {
            for (int x = 0; x < image.Width; x += 7)
            {
                SKColor c = decoded.GetPixel(x, y);
                Assert.Equal(image[x, y], (c.Red, c.Green, c.Blue));
            }
        }
    }

    [Fact]
    public void Small_slices_are_enlarged_so_text_stays_legible()
    {
        KeyImage image = new ResultObjectFactory().RenderFinding(phantom.Request(phantom.Suspicious()), 0);

        Assert.Equal(4, image.Scale);
        Assert.Equal(phantom.Source.Geometry.Width * 4, image.Width);
        Assert.Equal(phantom.Source.Geometry.Height * 4, image.ImageHeight);
    }

    private static int TextColumns(KeyImage image)
    {
        int columns = 0;
        for (int x = 0; x < image.Width; x++)
        {
            for (int y = 0; y < image.ImageTop; y++)
            {
                (byte r, byte g, byte b) = image[x, y];
                if (r > 200 && g > 200 && b > 200)
                {
                    columns++;
                    break;
                }
            }
        }

        return columns;
    }
}
