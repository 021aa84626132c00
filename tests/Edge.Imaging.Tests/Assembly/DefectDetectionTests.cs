using Edge.Imaging.Assembly;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Assembly;

/// <summary>Gaps, duplicates, tilt and mixed content are each detected and named in one warning line.</summary>
public sealed class DefectDetectionTests
{
    [Fact]
    public void Gap_is_named_and_filled_by_interpolation_at_the_right_positions()
    {
        AssembledVolume assembled = Assemble("gap");
        CtVolume v = assembled.Volume;

        VolumeWarning gap = Assert.Single(v.Warnings, w => w.Kind == VolumeWarningKind.Gap);
        Assert.StartsWith("gap: 2 missing slice(s) between -85 and -77.5 mm", gap.ToString(), StringComparison.Ordinal);
        Assert.Equal(20, v.Shape.Depth);
        Assert.Equal(2.5, v.Geometry.Spacing.Z, 6);
        Assert.Equal(18, v.InstanceCount);
        Assert.Equal([7, 8], assembled.Plan.MissingSlices);

        // Present slices hold their own data; filled ones lie between their neighbours (the data is linear in z).
        OracleAssemblyTests.AssertVoxelsFollowTheWrittenFunction(v);
    }

    [Fact]
    public void Gap_is_reported_but_not_filled_when_filling_is_off()
    {
        AssembledVolume assembled = Assemble("gap", new VolumeAssemblyOptions { FillGaps = false });

        Assert.Contains(assembled.Volume.Warnings, w => w.Kind == VolumeWarningKind.Gap && w.Detail.Contains("not filled", StringComparison.Ordinal));
        Assert.Equal(18, assembled.Volume.Shape.Depth);
    }

    [Fact]
    public void Duplicate_is_named_and_dropped()
    {
        CtVolume v = Assemble("duplicate").Volume;

        VolumeWarning duplicate = Assert.Single(v.Warnings, w => w.Kind == VolumeWarningKind.Duplicate);
        Assert.StartsWith("duplicate: 1 image(s) repeat the position of another", duplicate.ToString(), StringComparison.Ordinal);
        Assert.Equal(20, v.Shape.Depth);
        Assert.Equal(2.5, v.Geometry.Spacing.Z, 6);
        Assert.DoesNotContain(v.Warnings, w => w.Kind is VolumeWarningKind.Gap or VolumeWarningKind.NonUniformSpacing);
    }

    [Fact]
    public void Tilt_is_named_and_resampled_onto_an_orthogonal_grid()
    {
        CtVolume v = Assemble("tilt").Volume;

        VolumeWarning tilt = Assert.Single(v.Warnings, w => w.Kind == VolumeWarningKind.Tilt);
        Assert.Contains("sheared by 15°", tilt.Detail, StringComparison.Ordinal);
        Assert.Contains("GantryDetectorTilt 15°", tilt.Detail, StringComparison.Ordinal);
        Assert.True(v.Geometry.IsOrthonormal);
        Assert.Equal(2.5 * Math.Cos(15 * Math.PI / 180), v.Geometry.Spacing.Z, 4);

        // Inside the field of view every voxel of the orthogonal grid holds the value written at its position.
        int inside = 0;
        for (int z = 0; z < v.Shape.Depth; z++)
        {
            for (int y = 0; y < v.Shape.Height; y++)
            {
                for (int x = 0; x < v.Shape.Width; x += 5)
                {
                    if (v[z, y, x] <= -1024)
                    {
                        continue;
                    }

                    var p = v.Geometry.IndexToPatient(z, y, x);
                    Assert.True(Math.Abs(v[z, y, x] - OracleSeries.HuAt(p.X, p.Y, p.Z)) < 3, $"[{z},{y},{x}]: {v[z, y, x]} vs {OracleSeries.HuAt(p.X, p.Y, p.Z)}");
                    inside++;
                }
            }
        }

        Assert.True(inside > 2000);
    }

    [Fact]
    public void Tilt_is_reported_with_a_sheared_grid_when_correction_is_off()
    {
        CtVolume v = Assemble("tilt", new VolumeAssemblyOptions { CorrectTilt = false }).Volume;

        Assert.Contains(v.Warnings, w => w.Kind == VolumeWarningKind.Tilt && w.Detail.Contains("not corrected", StringComparison.Ordinal));
        Assert.False(v.Geometry.IsOrthonormal);
        OracleAssemblyTests.AssertVoxelsFollowTheWrittenFunction(v);
    }

    [Fact]
    public void Odd_matrix_pixel_spacing_and_orientation_are_each_named()
    {
        CtVolume v = Assemble("inconsistent").Volume;

        Assert.Contains(v.Warnings, w => w.ToString() == "inconsistent: 1 image(s) are 32x64 instead of 48x64; left out");
        Assert.Contains(v.Warnings, w => w.ToString() == "inconsistent: 1 image(s) have pixel spacing 0.9\\0.9 instead of 0.8\\0.7; left out");
        Assert.Contains(v.Warnings, w => w.ToString() == "inconsistent: orientation varies by up to 0.5° within the stack");
        Assert.Equal(18, v.Shape.Depth);
        Assert.DoesNotContain(v.Warnings, w => w.Kind == VolumeWarningKind.Gap);
    }

    [Fact]
    public void Localizer_derived_image_and_dose_report_are_skipped_and_counted()
    {
        CtVolume v = Assemble("mixed").Volume;

        VolumeWarning skipped = Assert.Single(v.Warnings, w => w.Kind == VolumeWarningKind.Skipped);
        Assert.Equal("skipped: 1 derived images, 1 dose reports / structured reports, 1 localizers", skipped.ToString());
        Assert.Equal(20, v.Shape.Depth);
    }

    [Fact]
    public void Series_with_two_stacks_uses_the_axial_one_and_says_so()
    {
        AssembledVolume assembled = Assemble("two_stacks");

        Assert.Contains(assembled.Volume.Warnings, w => w.Kind == VolumeWarningKind.MultipleStacks && w.Detail.StartsWith("series has 2 stacks", StringComparison.Ordinal));
        Assert.Equal(Edge.Imaging.Geometry.SliceOrientation.Axial, assembled.Volume.Geometry.Orientation);
        Assert.Equal(20, assembled.Volume.Shape.Depth);
    }

    [Fact]
    public void Repeated_acquisitions_of_the_same_positions_become_separate_stacks_not_duplicates()
    {
        AssembledVolume assembled = Assemble("phases");

        Assert.Contains(assembled.Volume.Warnings, w => w.Kind == VolumeWarningKind.MultipleStacks);
        Assert.DoesNotContain(assembled.Volume.Warnings, w => w.Kind == VolumeWarningKind.Duplicate);
        Assert.Equal(20, assembled.Volume.Shape.Depth);
    }

    [Fact]
    public void Folder_without_dicom_is_a_clear_error()
    {
        using var directory = new TestDirectory();
        File.WriteAllText(directory.Combine("notes.txt"), "not an image");

        var e = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.AssembleFiles(Directory.GetFiles(directory.Path)));
        Assert.Contains("no DICOM images among 1 file(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_of_only_a_dose_report_is_a_clear_error()
    {
        string[] dose = [Path.Combine(OracleSeries.Get("mixed"), "dose.dcm")];

        var e = Assert.Throws<VolumeAssemblyException>(() => VolumeAssembler.AssembleFiles(dose));
        Assert.Contains("no usable CT images", e.Message, StringComparison.Ordinal);
        Assert.Contains("dose reports", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_is_left_out_and_named_and_its_slice_becomes_a_gap()
    {
        using var directory = new TestDirectory();
        foreach (string file in Directory.GetFiles(OracleSeries.Get("explicit_le")))
        {
            File.Copy(file, directory.Combine(Path.GetFileName(file)));
        }

        string victim = Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal).First();
        using (var stream = new FileStream(victim, FileMode.Open))
        {
            stream.SetLength(stream.Length - 1000);
        }

        CtVolume v = VolumeAssembler.AssembleFiles(Directory.GetFiles(directory.Path)).Volume;

        VolumeWarning skipped = Assert.Single(v.Warnings, w => w.Kind == VolumeWarningKind.Skipped);
        Assert.Contains(Path.GetFileName(victim), skipped.Detail, StringComparison.Ordinal);
        Assert.Equal(19, v.InstanceCount);
        Assert.Equal(20, v.Shape.Depth);
        Assert.Single(v.Warnings, w => w.Kind == VolumeWarningKind.Gap);
    }

    private static AssembledVolume Assemble(string variant, VolumeAssemblyOptions? options = null) =>
        VolumeAssembler.AssembleFiles(Directory.GetFiles(OracleSeries.Get(variant)), options);
}
