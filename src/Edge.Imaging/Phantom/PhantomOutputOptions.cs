namespace Edge.Imaging.Phantom;

/// <summary>Which files a phantom is written as.</summary>
public sealed record PhantomOutputOptions
{
    /// <summary>The DICOM series, in the <c>dicom</c> folder.</summary>
    public bool Dicom { get; init; } = true;

    /// <summary><c>labels.npy</c>: uint8 [z, y, x], 0 background, 1 pancreas, 2 lesion.</summary>
    public bool Labels { get; init; } = true;

    /// <summary><c>hu.npy</c>: int16 [z, y, x] HU, for training without DICOM decoding.</summary>
    public bool HuNpy { get; init; }

    public PhantomDicomOptions DicomOptions { get; init; } = new();
}
