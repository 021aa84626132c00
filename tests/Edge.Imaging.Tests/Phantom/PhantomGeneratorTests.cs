using Edge.Imaging.Geometry;
using Edge.Imaging.Phantom;

namespace Edge.Imaging.Tests.Phantom;

public sealed class PhantomGeneratorTests
{
    private static readonly PhantomOptions Small = new() { Seed = 11, Size = 128, Slices = 48, SliceThicknessMm = 2.5, Lesion = false };

    [Fact]
    public void Same_seed_gives_the_same_volume_and_another_seed_another()
    {
        PhantomVolume a = PhantomGenerator.Generate(Small);
        PhantomVolume b = PhantomGenerator.Generate(Small);
        PhantomVolume c = PhantomGenerator.Generate(Small with { Seed = 12 });

        Assert.Equal(a.Hu, b.Hu);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Hu, c.Hu);
    }

    [Fact]
    public void Tissues_have_realistic_non_contrast_attenuation()
    {
        PhantomVolume v = PhantomGenerator.Generate(Small with { NoiseSigmaHu = 0, Slices = 24 });
        TissueHu t = v.GroundTruth.TissueHu;

        Assert.InRange(t.Fat, -110, -90);
        Assert.InRange(t.Muscle, 45, 58);
        Assert.InRange(t.Liver, 54, 66);
        Assert.InRange(t.Spleen, 44, 50);
        Assert.InRange(t.Kidney, 28, 35);
        Assert.InRange(t.Pancreas, 40, 50);
        Assert.InRange(t.Blood, 35, 45);
        Assert.InRange(t.CorticalBone, 700, 1100);

        // Air outside the body and bone in the spine both appear.
        Assert.InRange(v.Hu[0], -1010, -990);
        Assert.Contains(v.Hu, h => h > 600);

        // The deep pancreas (labelled, away from its blurred edge) carries the pancreas HU when there is no noise.
        double core = CoreMean(v, 1);
        Assert.InRange(core, t.Pancreas - 3, t.Pancreas + 3);
    }

    [Fact]
    public void Pancreas_lies_across_the_abdomen_head_right_body_middle_tail_left()
    {
        PhantomVolume v = PhantomGenerator.Generate(Small);
        PancreasTruth p = v.GroundTruth.Pancreas;

        // LPS x grows to the patient's left: head (right) < body < tail (left).
        Assert.True(p.HeadLps[0] < p.BodyLps[0] && p.BodyLps[0] < p.TailLps[0]);
        Assert.True(p.HeadLps[0] < -20 && p.TailLps[0] > 50);
        Assert.InRange(p.VolumeMl, 30, 120);
        Assert.True(p.BoxMaxLps[0] - p.BoxMinLps[0] > 100, "an elongated gland, over 10 cm long");
    }

    [Theory]
    [InlineData(PancreasSite.Head)]
    [InlineData(PancreasSite.Body)]
    [InlineData(PancreasSite.Tail)]
    public void Lesion_sits_in_its_site_with_its_diameter_and_contrast(PancreasSite site)
    {
        PhantomVolume v = PhantomGenerator.Generate(Small with
        {
            Lesion = true, LesionDiameterMm = 20, LesionSite = site, LesionContrastHu = 25, NoiseSigmaHu = 0, Slices = 64,
        });
        LesionTruth lesion = v.GroundTruth.Lesion!;
        PancreasTruth pancreas = v.GroundTruth.Pancreas;

        Assert.Equal(site.ToString().ToLowerInvariant(), lesion.Site);
        double x = lesion.CentreLps[0];
        double nearest = new[] { pancreas.HeadLps[0], pancreas.BodyLps[0], pancreas.TailLps[0] }.MinBy(c => Math.Abs(c - x));
        double expected = site switch { PancreasSite.Head => pancreas.HeadLps[0], PancreasSite.Body => pancreas.BodyLps[0], _ => pancreas.TailLps[0] };
        Assert.Equal(expected, nearest);

        // The centre voxel is labelled lesion, and the labelled volume is that of a 20 mm sphere (4.19 mL) within 25%.
        (int z, int y, int x) c = new ContinuousIndex(lesion.CentreVoxel[0], lesion.CentreVoxel[1], lesion.CentreVoxel[2]).Round();
        Assert.Equal(2, v.Labels[(((c.z * 128) + c.y) * 128) + c.x]);
        Assert.InRange(lesion.VolumeMl, 4.19 * 0.75, 4.19 * 1.25);

        // Away from partial-volume edges the lesion is 25 HU darker than the gland.
        double lesionCore = CoreMean(v, 2), pancreasCore = CoreMean(v, 1);
        Assert.InRange(pancreasCore - lesionCore, 20, 30);
    }

    [Fact]
    public void Noise_has_the_requested_standard_deviation()
    {
        PhantomVolume quiet = PhantomGenerator.Generate(Small with { NoiseSigmaHu = 0, Slices = 8 });
        PhantomVolume noisy = PhantomGenerator.Generate(Small with { NoiseSigmaHu = 20, Slices = 8 });

        double sum = 0, sum2 = 0;
        int n = 0;
        for (int i = 0; i < quiet.Hu.Length; i++)
        {
            // Soft tissue only: clipping at −1024 would bias air.
            if (quiet.Hu[i] is > -200 and < 200)
            {
                double d = noisy.Hu[i] - quiet.Hu[i];
                sum += d;
                sum2 += d * d;
                n++;
            }
        }

        double sd = Math.Sqrt((sum2 / n) - Math.Pow(sum / n, 2));
        Assert.InRange(sd, 18, 22);
    }

    [Fact]
    public void Geometry_and_ground_truth_agree()
    {
        PhantomVolume v = PhantomGenerator.Generate(Small with { SliceSpacingMm = 2.0, PixelSpacingMm = 2.5 });

        Assert.Equal([48, 128, 128], v.GroundTruth.Shape);
        Assert.Equal([2.0, 2.5, 2.5], v.GroundTruth.Spacing);
        Assert.Equal(v.Geometry.Origin.ToArray().Select(o => Math.Round(o, 3)), v.GroundTruth.Origin);
        Assert.Equal(2.5, v.GroundTruth.SliceThicknessMm);
    }

    [Fact]
    public void Invalid_options_are_all_reported_at_once()
    {
        var bad = new PhantomOptions { Size = 4, Slices = 0, SliceThicknessMm = -1, Lesion = false, LesionDiameterMm = 10 };

        var e = Assert.Throws<ArgumentException>(() => PhantomGenerator.Generate(bad));
        Assert.Contains("size must be", e.Message, StringComparison.Ordinal);
        Assert.Contains("slices must be", e.Message, StringComparison.Ordinal);
        Assert.Contains("thickness must be", e.Message, StringComparison.Ordinal);
        Assert.Contains("contradict", e.Message, StringComparison.Ordinal);
    }

    // Mean HU of voxels whose four in-plane neighbours carry the same label (no partial volume).
    private static double CoreMean(PhantomVolume v, byte label)
    {
        int w = v.Geometry.Width, h = v.Geometry.Height;
        double sum = 0;
        int n = 0;
        for (int z = 0; z < v.Geometry.Depth; z++)
        {
            for (int y = 1; y < h - 1; y++)
            {
                for (int x = 1; x < w - 1; x++)
                {
                    int i = (((z * h) + y) * w) + x;
                    if (v.Labels[i] == label && v.Labels[i - 1] == label && v.Labels[i + 1] == label && v.Labels[i - w] == label && v.Labels[i + w] == label)
                    {
                        sum += v.Hu[i];
                        n++;
                    }
                }
            }
        }

        return n > 0 ? sum / n : double.NaN;
    }
}
