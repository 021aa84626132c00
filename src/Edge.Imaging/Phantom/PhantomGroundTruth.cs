namespace Edge.Imaging.Phantom;

/// <summary>
/// What the phantom contains, written as <c>ground_truth.json</c> beside the series. Array indices follow the
/// <c>.npy</c> files and <c>edgectl volume</c>: [z, y, x], slice 0 lowest along the normal (most inferior);
/// LPS coordinates are DICOM patient millimetres, as in ImagePositionPatient.
/// </summary>
public sealed record PhantomGroundTruth
{
    /// <summary>Bumped whenever the anatomy model changes, so training data records which one it came from.</summary>
    public const string CurrentGenerator = "edge-phantom/1";

    public string Generator { get; init; } = CurrentGenerator;

    public required int Seed { get; init; }

    public required int[] Shape { get; init; }

    public required double[] Spacing { get; init; }

    public required double[] Origin { get; init; }

    public required double[] Direction { get; init; }

    public required double SliceThicknessMm { get; init; }

    public required double NoiseSigmaHu { get; init; }

    public required TissueHu TissueHu { get; init; }

    public required PancreasTruth Pancreas { get; init; }

    /// <summary>Null when the phantom has no lesion.</summary>
    public LesionTruth? Lesion { get; init; }

    public string? StudyInstanceUid { get; init; }

    public string? SeriesInstanceUid { get; init; }

    /// <summary>Paths relative to the ground-truth file: labels, HU volume, DICOM folder (null when not written).</summary>
    public PhantomFiles? Files { get; init; }
}
