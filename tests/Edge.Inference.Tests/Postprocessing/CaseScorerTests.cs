using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;

namespace Edge.Inference.Tests.Postprocessing;

public sealed class CaseScorerTests
{
    [Theory]
    [InlineData(3, 3, 3)]
    [InlineData(1, 2, 4)]
    [InlineData(6, 1, 1)]
    public void Max_box_mean_matches_brute_force(int bz, int by, int bx)
    {
        var shape = new VolumeShape(6, 7, 8);
        var random = new Random(bz * 100 + by * 10 + bx);
        float[] map = [.. Enumerable.Range(0, (int)shape.VoxelCount).Select(_ => (float)random.NextDouble())];

        double expected = double.MinValue;
        for (int z = 0; z + bz <= 6; z++)
        {
            for (int y = 0; y + by <= 7; y++)
            {
                for (int x = 0; x + bx <= 8; x++)
                {
                    expected = Math.Max(expected, BruteBoxMean(map, z, y, x, bz, by, bx));
                }
            }
        }

        Assert.Equal(expected, CaseScorer.MaxBoxMean(map, shape, (bz, by, bx)), 9);
    }

    [Fact]
    public void Smoothed_score_ignores_a_single_hot_voxel_that_the_maximum_reports()
    {
        var shape = new VolumeShape(10, 10, 10);
        var map = new float[1000];
        map[555] = 1f;
        var spacing = new VoxelSpacing(2, 2, 2);

        double max = CaseScorer.Score(map, shape, spacing, new CaseScoreSpec { Method = CaseScoreMethod.MaxProbability, Channel = 0 });
        double smoothed = CaseScorer.Score(map, shape, spacing, new CaseScoreSpec { Method = CaseScoreMethod.MaxSmoothedProbability, Channel = 0, KernelMm = 6 });

        Assert.Equal(1.0, max);
        Assert.Equal(1.0 / 27, smoothed, 9);
        Assert.Equal((3, 3, 3), CaseScorer.KernelVoxels(6, spacing, shape));
        Assert.Equal((1, 1, 1), CaseScorer.KernelVoxels(6, new VoxelSpacing(2.5, 10, 10), new VolumeShape(1, 5, 5)));
    }

    [Fact]
    public void Kernel_never_exceeds_the_volume()
    {
        Assert.Equal((1, 5, 5), CaseScorer.KernelVoxels(50, new VoxelSpacing(1, 1, 1), new VolumeShape(1, 5, 5)));
        Assert.Equal(0.5, CaseScorer.MaxBoxMean([0.5f, 0.5f], new VolumeShape(1, 1, 2), (1, 1, 2)));
    }

    [Fact]
    public void Organ_restricted_score_only_counts_boxes_centred_in_the_region()
    {
        var shape = new VolumeShape(6, 7, 8);
        var random = new Random(5);
        float[] map = [.. Enumerable.Range(0, (int)shape.VoxelCount).Select(_ => (float)random.NextDouble())];
        bool[] region = [.. Enumerable.Range(0, (int)shape.VoxelCount).Select(_ => random.NextDouble() < 0.2)];
        (int bz, int by, int bx) = (3, 2, 3);

        double expected = double.MinValue;
        for (int z = 0; z + bz <= 6; z++)
        {
            for (int y = 0; y + by <= 7; y++)
            {
                for (int x = 0; x + bx <= 8; x++)
                {
                    if (!region[((((z + (bz / 2)) * 7) + y + (by / 2)) * 8) + x + (bx / 2)])
                    {
                        continue;
                    }

                    expected = Math.Max(expected, BruteBoxMean(map, z, y, x, bz, by, bx));
                }
            }
        }

        Assert.Equal(expected, CaseScorer.MaxBoxMeanIn(map, shape, (bz, by, bx), region), 9);
        Assert.True(expected < CaseScorer.MaxBoxMean(map, shape, (bz, by, bx)));
    }

    [Fact]
    public void A_hot_spot_outside_the_organ_does_not_raise_the_organ_restricted_score()
    {
        var shape = new VolumeShape(10, 10, 10);
        var map = new float[1000];
        var region = new bool[1000];
        var spacing = new VoxelSpacing(2, 2, 2);
        var spec = new CaseScoreSpec { Method = CaseScoreMethod.MaxSmoothedProbabilityInOrgan, Channel = 0, KernelMm = 6, OrganMarginMm = 4 };
        for (int i = 0; i < 1000; i++)
        {
            (int z, int y, int x) = (i / 100, i / 10 % 10, i % 10);
            map[i] = z < 4 && y < 4 && x < 4 ? 0.9f : 0.1f;     // a look-alike in one corner
            region[i] = z >= 5;                                   // the organ elsewhere
        }

        Assert.Equal(0.1, CaseScorer.Score(map, shape, spacing, spec, region), 6);
        Assert.Equal(0.9, CaseScorer.Score(map, shape, spacing, spec, null), 6);          // no organ found: the whole map
        Assert.Equal(0.9, CaseScorer.Score(map, shape, spacing, spec, new bool[1000]), 6); // empty region: the whole map
    }

    /// <summary>The mean of a bz × by × bx box at (z, y, x) of a 6 × 7 × 8 map, summed voxel by voxel.</summary>
    private static double BruteBoxMean(float[] map, int z, int y, int x, int bz, int by, int bx)
    {
        double sum = 0;
        for (int dz = 0; dz < bz; dz++)
        {
            for (int dy = 0; dy < by; dy++)
            {
                for (int dx = 0; dx < bx; dx++)
                {
                    sum += map[((((z + dz) * 7) + y + dy) * 8) + x + dx];
                }
            }
        }

        return sum / (bz * by * bx);
    }
}
