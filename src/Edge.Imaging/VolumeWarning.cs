namespace Edge.Imaging;

/// <summary>One line a user can act on, e.g. <c>gap: 2 missing slices between z=-120.0 and z=-112.5 mm (spacing 2.5 mm)</c>.</summary>
public sealed record VolumeWarning(VolumeWarningKind Kind, string Detail)
{
    /// <summary>The kind as written at the start of the line: <c>gap</c>, <c>duplicate</c>, <c>tilt</c>, ...</summary>
    public string Code => Kind switch
    {
        VolumeWarningKind.Gap => "gap",
        VolumeWarningKind.Duplicate => "duplicate",
        VolumeWarningKind.Tilt => "tilt",
        VolumeWarningKind.NonUniformSpacing => "non-uniform spacing",
        VolumeWarningKind.Inconsistent => "inconsistent",
        VolumeWarningKind.Skipped => "skipped",
        VolumeWarningKind.MultipleStacks => "multiple stacks",
        _ => "header",
    };

    public override string ToString() => $"{Code}: {Detail}";
}
