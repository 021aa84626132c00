namespace Edge.Imaging.Geometry;

/// <summary>
/// A point or direction in patient coordinates (DICOM LPS, millimetres), in double precision because slice
/// positions of ±1000 mm must keep sub-micrometre resolution through sorting and spacing arithmetic.
/// </summary>
public readonly record struct Vector3D(double X, double Y, double Z)
{
    public static Vector3D Zero => default;

    public static Vector3D UnitX => new(1, 0, 0);

    public static Vector3D UnitY => new(0, 1, 0);

    public static Vector3D UnitZ => new(0, 0, 1);

    public double Length => Math.Sqrt(Dot(this));

    public double Dot(Vector3D other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public Vector3D Cross(Vector3D other) =>
        new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    /// <summary>The unit vector in this direction; the zero vector stays zero rather than becoming NaN.</summary>
    public Vector3D Normalize()
    {
        double length = Length;
        return length > 0 ? this / length : Zero;
    }

    /// <summary>The angle to <paramref name="other"/> in degrees (0-180).</summary>
    public double AngleDegreesTo(Vector3D other)
    {
        double denominator = Length * other.Length;
        if (denominator == 0)
        {
            return 0;
        }

        double cosine = Math.Clamp(Dot(other) / denominator, -1, 1);
        return Math.Acos(cosine) * 180 / Math.PI;
    }

    public double[] ToArray() => [X, Y, Z];

    public static Vector3D operator +(Vector3D a, Vector3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vector3D operator -(Vector3D a, Vector3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vector3D operator -(Vector3D a) => new(-a.X, -a.Y, -a.Z);

    public static Vector3D operator *(Vector3D a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public static Vector3D operator *(double s, Vector3D a) => a * s;

    public static Vector3D operator /(Vector3D a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({X:0.###}, {Y:0.###}, {Z:0.###})");
}
