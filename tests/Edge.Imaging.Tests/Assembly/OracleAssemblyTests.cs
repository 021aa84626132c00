using System.Text.Json;
using Edge.Imaging.Assembly;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Assembly;

/// <summary>
/// Series written by pydicom in other shapes assemble to the volume a pydicom + numpy reference computes:
/// shape, spacing, origin, direction, HU statistics and every slice's mean (which catches mis-ordering).
/// </summary>
public sealed class OracleAssemblyTests
{
    [Theory]
    [InlineData("explicit_le")]
    [InlineData("feet_first")]
    [InlineData("implicit_vr")]
    [InlineData("big_endian")]
    [InlineData("unsigned_m1024")]
    [InlineData("signed_0")]
    [InlineData("rescaled")]
    [InlineData("coronal")]
    [InlineData("enhanced")]
    [InlineData("mixed")]
    public void Assembled_volume_matches_the_pydicom_reference(string variant)
    {
        string directory = OracleSeries.Get(variant);
        JsonElement expected = Python.RunJson("oracle.py", directory);

        AssembledVolume assembled = VolumeAssembler.AssembleFiles(Directory.GetFiles(directory));

        AssertMatchesOracle(expected, assembled.Volume);
        Assert.DoesNotContain(assembled.Volume.Warnings, w => w.Kind is VolumeWarningKind.Gap or VolumeWarningKind.Duplicate or VolumeWarningKind.Tilt);
    }

    [Fact]
    public void Feet_first_with_flipped_rows_sorts_along_the_normal_not_by_instance_number()
    {
        AssembledVolume assembled = VolumeAssembler.AssembleFiles(Directory.GetFiles(OracleSeries.Get("feet_first")));
        CtVolume v = assembled.Volume;

        // The normal (−x) × (+y) points to the feet, so slice 0 is the most superior and z descends.
        Assert.Equal(-1, v.Geometry.AxisZ.Z, 6);
        Assert.True(v.Geometry.IndexToPatient(1, 0, 0).Z < v.Geometry.IndexToPatient(0, 0, 0).Z);
        AssertVoxelsFollowTheWrittenFunction(v);
    }

    [Theory]
    [InlineData("explicit_le")]
    [InlineData("big_endian")]
    [InlineData("coronal")]
    [InlineData("enhanced")]
    public void Every_voxel_holds_the_value_written_at_its_patient_position(string variant)
    {
        AssembledVolume assembled = VolumeAssembler.AssembleFiles(Directory.GetFiles(OracleSeries.Get(variant)));
        AssertVoxelsFollowTheWrittenFunction(assembled.Volume);
    }

    [Fact]
    public void Header_properties_reach_the_rules()
    {
        AssembledVolume assembled = VolumeAssembler.AssembleFiles(Directory.GetFiles(OracleSeries.Get("explicit_le")));

        Assert.True(assembled.Properties.TryGet("Modality", out var modality));
        Assert.Equal("CT", modality.ToString());
        Assert.True(assembled.Properties.TryGet("SliceCount", out var count));
        Assert.Equal("20", count.ToString());
        Assert.True(assembled.Properties.TryGet("ZCoverageMm", out var coverage));
        Assert.Equal("50", coverage.ToString());
        Assert.True(assembled.Properties.TryGet("Kernel", out var kernel));
        Assert.Equal("STANDARD", kernel.ToString());
        Assert.True(assembled.Properties.TryGet("Contrast", out var contrast));
        Assert.False(contrast.Flag);
    }

    internal static void AssertMatchesOracle(JsonElement expected, CtVolume actual)
    {
        Assert.Equal(Ints(expected.GetProperty("shape")), actual.Shape.ToArray());
        AssertClose(Doubles(expected.GetProperty("spacing")), actual.Geometry.Spacing.ToArray(), 1e-4);
        AssertClose(Doubles(expected.GetProperty("origin")), actual.Geometry.Origin.ToArray(), 1e-4);
        AssertClose(Doubles(expected.GetProperty("direction")), actual.Geometry.Direction, 1e-5);
        HuStatistics hu = actual.ComputeStatistics();
        JsonElement reference = expected.GetProperty("hu");
        Assert.Equal(reference.GetProperty("min").GetDouble(), hu.Min, 3);
        Assert.Equal(reference.GetProperty("max").GetDouble(), hu.Max, 3);
        Assert.Equal(reference.GetProperty("mean").GetDouble(), hu.Mean, 3);
        double[] means = Doubles(expected.GetProperty("sliceMeans"));
        for (int z = 0; z < means.Length; z++)
        {
            double mean = actual.GetSlice(z).ToArray().Select(v => (double)v).Average();
            Assert.True(Math.Abs(means[z] - mean) < 1e-3, $"slice {z}: mean {mean}, reference {means[z]}");
        }
    }

    // Compares with the function make_series.py wrote (stored values are clipped to 12 bits when unsigned).
    internal static void AssertVoxelsFollowTheWrittenFunction(CtVolume v, double tolerance = 0.5)
    {
        int checkedVoxels = 0;
        for (int z = 0; z < v.Shape.Depth; z++)
        {
            for (int y = 0; y < v.Shape.Height; y += 3)
            {
                for (int x = 0; x < v.Shape.Width; x += 3)
                {
                    var p = v.Geometry.IndexToPatient(z, y, x);
                    double expected = Math.Max(OracleSeries.HuAt(p.X, p.Y, p.Z), -1024);
                    Assert.True(Math.Abs(v[z, y, x] - expected) <= tolerance, $"voxel [{z},{y},{x}] at {p}: {v[z, y, x]}, written {expected}");
                    checkedVoxels++;
                }
            }
        }

        Assert.True(checkedVoxels > 1000);
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]} (all: {string.Join(", ", actual)})");
        }
    }
}
