using Edge.Imaging.Geometry;
using Edge.Reporting.KeyImages;

namespace Edge.Reporting.Tests.Units;

public sealed class PatientOrientationTests
{
    [Theory]
    [InlineData(1, 0, 0, "L")]
    [InlineData(-1, 0, 0, "R")]
    [InlineData(0, 1, 0, "P")]
    [InlineData(0, -1, 0, "A")]
    [InlineData(0, 0, -1, "F")]
    [InlineData(0.8, 0, 0.6, "LH")]
    [InlineData(0.999, 0.02, 0, "L")]
    public void Axis_direction_becomes_patient_letters_strongest_first(double x, double y, double z, string expected)
    {
        Assert.Equal(expected, SecondaryCaptureBuilder.Orientation(new Vector3D(x, y, z)));
    }
}
