using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.Postprocessing;

public sealed class FindingMeasurerTests
{
    private static readonly OutputLabel Lesion = new()
    {
        Channel = 2,
        Value = 2,
        Name = "lesion",
        Role = LabelRole.Finding,
        Type = new CodedConcept("SCT", "52988006", "Lesion"),
    };

    [Theory]
    [InlineData(1.0, 20.0)]
    [InlineData(2.0, 20.0)]
    [InlineData(1.5, 31.0)]
    public void A_voxelised_sphere_measures_its_volume_diameter_and_centre(double spacing, double diameter)
    {
        int n = (int)Math.Ceiling(diameter / spacing) + 6;
        var shape = new VolumeShape(n, n, n);
        var origin = new Vector3D(-100, 50, -300);
        var geometry = VolumeGeometry.Axial(shape, VoxelSpacing.Isotropic(spacing), origin);
        double centre = (n - 1) / 2.0, radius = diameter / 2 / spacing;
        var voxels = new List<int>();
        for (int z = 0; z < n; z++)
        {
            for (int y = 0; y < n; y++)
            {
                for (int x = 0; x < n; x++)
                {
                    double dz = z - centre, dy = y - centre, dx = x - centre;
                    if ((dz * dz) + (dy * dy) + (dx * dx) <= radius * radius)
                    {
                        voxels.Add((((z * n) + y) * n) + x);
                    }
                }
            }
        }

        var probability = new float[shape.VoxelCount];
        foreach (int v in voxels)
        {
            probability[v] = 0.8f;
        }

        Finding finding = FindingMeasurer.Measure(new Component([.. voxels]), Lesion, geometry, probability, null, null);

        double expectedMl = 4.0 / 3 * Math.PI * Math.Pow(diameter / 2, 3) / 1000;
        Assert.InRange(finding.VolumeMl, expectedMl * 0.85, expectedMl * 1.15);
        Assert.InRange(finding.MaxDiameterMm, diameter - spacing, diameter + (1.5 * spacing));
        Vector3D expectedCentre = origin + new Vector3D(centre * spacing, centre * spacing, centre * spacing);
        Assert.True((finding.CentroidLps - expectedCentre).Length < 1e-6);
        Assert.Equal(0.8, finding.Probability, 5);
        Assert.Equal("52988006", finding.Type!.Value);
        Assert.Null(finding.Location);
    }

    [Fact]
    public void A_single_voxel_measures_its_own_extent()
    {
        var geometry = VolumeGeometry.Axial(new VolumeShape(3, 3, 3), new VoxelSpacing(3, 1, 1), Vector3D.Zero);
        Assert.Equal(1.0, FindingMeasurer.MaxDiameter(new Component([13]), geometry), 9);
    }

    [Fact]
    public void Location_follows_the_organ_axis_from_patient_right_to_left()
    {
        // A straight "pancreas" along x from −60 to +60 mm, and lesions at either end and in the middle.
        var shape = new VolumeShape(5, 5, 121);
        var geometry = VolumeGeometry.Axial(shape, VoxelSpacing.Isotropic(1), new Vector3D(-60, 0, 0));
        int[] organ = [.. Enumerable.Range(0, 121).Select(x => (((2 * 5) + 2) * 121) + x)];
        OrganAxis axis = OrganAxis.Fit(organ, geometry)!;
        var location = new LocationSpec { OrganChannel = 1, Regions = ["head", "body", "tail"], Boundaries = [0.3, 0.65] };
        var probability = new float[shape.VoxelCount];

        string? At(int x) => FindingMeasurer.Measure(new Component([(((2 * 5) + 2) * 121) + x]), Lesion, geometry, probability, axis, location).Location;

        Assert.Equal("head", At(5));      // x = −55 mm: patient right
        Assert.Equal("body", At(60));
        Assert.Equal("tail", At(115));    // x = +55 mm: patient left
        Assert.True(axis.Direction.X > 0.99);
    }
}
