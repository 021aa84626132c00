using Edge.Imaging.Assembly;
using Edge.Imaging.Geometry;
using Edge.Imaging.Phantom;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>The label map every completed run hands to DICOM SEG: values, grid and patient placement.</summary>
public sealed class LabelMapExportTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Fact]
    public void A_run_exports_its_label_map_on_a_grid_placed_in_the_patient()
    {
        using var temp = new TempDirectory();
        (AssembledVolume scan, PhantomGroundTruth truth) = ReferenceModelFixture.Scan(
            new PhantomOptions { Seed = 5151, Size = 224, Slices = 60, SliceThicknessMm = 3, LesionDiameterMm = 26, LesionSite = PancreasSite.Body, LesionContrastHu = 25 },
            temp.Path);

        ScreeningReport report = new ScreeningPipeline([model.Package], model.Sessions).Screen(scan.Volume, scan.Properties);

        ModelResult result = Assert.Single(report.Models);
        LabelMap labels = Assert.IsType<LabelMap>(result.Labels);
        Assert.Equal(new VoxelSpacing(2, 2, 2), labels.Spacing);
        Assert.Equal(scan.Volume.Geometry.Direction, labels.Direction);
        Assert.Equal(labels.Shape.VoxelCount, labels.Values.LongLength);
        Assert.All(labels.Values, v => Assert.InRange(v, (byte)0, (byte)2));

        // The grid is a crop of the scan: its corners lie inside the scanned volume.
        foreach (Vector3D corner in new[] { labels.Origin, labels.Geometry.IndexToPatient(labels.Shape.Depth - 1, labels.Shape.Height - 1, labels.Shape.Width - 1) })
        {
            Assert.True(scan.Volume.Geometry.ContainsIndex(scan.Volume.Geometry.PatientToIndex(corner)), $"{corner} is outside the scan");
        }

        // Pancreas and lesion voxels, mapped through the grid, are where the phantom put them.
        Assert.True(labels.Count(1) * 8 / 1000.0 > 20, $"pancreas {labels.Count(1) * 8 / 1000.0} ml");
        var centre = new Vector3D(truth.Lesion!.CentreLps[0], truth.Lesion.CentreLps[1], truth.Lesion.CentreLps[2]);
        Assert.True((Centroid(labels, 2) - centre).Length < 8, $"lesion voxels centred at {Centroid(labels, 2)}, lesion at {centre}");
        double lesionMl = labels.Count(2) * 8 / 1000.0;
        Assert.InRange(lesionMl, truth.Lesion.VolumeMl * 0.5, truth.Lesion.VolumeMl * 1.5);

        // In memory only: the JSON every consumer reads (infer --json, service results) does not carry it.
        Assert.DoesNotContain("\"labels\"", ScreeningReportJson.Serialize(report), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_label_map_must_fill_its_grid()
    {
        VolumeGeometry grid = VolumeGeometry.Axial(new VolumeShape(2, 3, 4), VoxelSpacing.Isotropic(2), new Vector3D(0, 0, 0));

        Assert.Throws<ArgumentException>(() => new LabelMap(grid, new byte[23]));
        Assert.Equal(5, new LabelMap(grid, [.. Enumerable.Range(0, 24).Select(i => (byte)(i % 5 == 0 ? 2 : 0))]).Count(2));
    }

    private static Vector3D Centroid(LabelMap labels, byte value)
    {
        double z = 0, y = 0, x = 0;
        long n = 0;
        for (int k = 0; k < labels.Shape.Depth; k++)
        {
            for (int j = 0; j < labels.Shape.Height; j++)
            {
                for (int i = 0; i < labels.Shape.Width; i++)
                {
                    if (labels[k, j, i] == value)
                    {
                        z += k;
                        y += j;
                        x += i;
                        n++;
                    }
                }
            }
        }

        Assert.True(n > 0, $"no voxel carries label {value}");
        return labels.Geometry.IndexToPatient(z / n, y / n, x / n);
    }
}
