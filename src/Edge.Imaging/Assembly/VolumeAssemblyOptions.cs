namespace Edge.Imaging.Assembly;

/// <summary>Tolerances and limits of volume assembly; the defaults suit clinical CT.</summary>
public sealed record VolumeAssemblyOptions
{
    public static VolumeAssemblyOptions Default { get; } = new();

    /// <summary>
    /// Voxel ceiling: 2³⁰ float voxels are 4 GiB, more than a 1024² × 1000 series and about what a Jetson-class box
    /// can spare; larger series are refused with a clear error rather than exhausting memory.
    /// </summary>
    public long MaxVoxels { get; init; } = 1L << 30;

    /// <summary>Slices whose orientations differ by less than this (degrees) belong to one stack.</summary>
    public double StackOrientationToleranceDegrees { get; init; } = 1.0;

    /// <summary>Slices closer than this along the normal (mm) are duplicates; DS positions carry ~0.001–0.01 mm.</summary>
    public double DuplicateToleranceMm { get; init; } = 0.01;

    /// <summary>Spacing deviation (as a fraction of the nominal spacing, at least 0.02 mm) still counted as uniform.</summary>
    public double SpacingTolerance { get; init; } = 0.01;

    /// <summary>Resample a tilted or sheared stack onto an orthogonal grid (true) or only warn (false).</summary>
    public bool CorrectTilt { get; init; } = true;

    /// <summary>Fill slices missing in a gap by linear interpolation between the neighbours (true) or only warn.</summary>
    public bool FillGaps { get; init; } = true;

    /// <summary>Use DERIVED or SECONDARY images too (they are skipped by default, as reformats and post-processing are).</summary>
    public bool IncludeDerived { get; init; }

    /// <summary>Threads for decoding; -1 for all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Supplies the volume's buffer for a voxel count (at least that long; the voxels are overwritten, anything past them
    /// is left alone), or null to allocate a new one. The service lends the buffer of a speculative assembly that turned
    /// stale, whose pages are already mapped: on a small box the page faults of a fresh 300 MiB array cost about 0.1 s.
    /// </summary>
    public Func<long, float[]?>? VoxelBuffer { get; init; }

    /// <summary>
    /// When every slice of the plan is a frame decoded ahead of assembly (<see cref="DecodedInstance"/>), of the
    /// volume's matrix, needing no in-plane shift and no gap filling, the volume is made of those frames' own arrays
    /// (<see cref="CtVolume(Geometry.VolumeGeometry, IReadOnlyList{float[]})"/>) rather than copied into one buffer:
    /// for the service's 300-slice 512² series the copy was 300 MiB written at the release, 25–40 ms of the critical
    /// path on a 2-core box, and the buffer as much memory again. <see cref="VoxelBuffer"/> is then not used.
    /// </summary>
    public bool ShareDecodedFrames { get; init; } = true;
}
