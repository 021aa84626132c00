namespace Edge.Service.Configuration;

/// <summary>
/// Section <c>Pipeline</c>: how long each stage may stay busy on one item before it counts as hung. A hung stage stops the
/// systemd watchdog pings, and systemd restarts the service; an interrupted job resumes after the restart.
/// </summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// Reading and assembling one series. 300 s: a 1 000-slice series from slow eMMC takes well under a minute; five
    /// times that is a stuck disk, not a big series.
    /// </summary>
    public int AssemblyStallSeconds { get; set; } = 300;

    /// <summary>
    /// One series through every model. 1 800 s: the reference model needs about a minute for a 300-slice series on two
    /// CPU cores and seconds on a GPU; the inference layer reports no progress inside one run, so the bound is generous.
    /// </summary>
    public int InferenceStallSeconds { get; set; } = 1800;

    /// <summary>
    /// Any other stage, and every stage between items: each beats at least every few seconds while waiting, so 60 s of
    /// silence means a blocked thread.
    /// </summary>
    public int StallSeconds { get; set; } = 60;

    /// <summary>Assembled volumes waiting for inference. One overlaps the next series' assembly with the current inference
    /// while bounding memory to three volumes (assembling, waiting, screening).</summary>
    public int AssembledQueueCapacity { get; set; } = 1;

    /// <summary>
    /// Warm up before reporting ready: the models (one zero batch per network, then a screening of a small test phantom
    /// through the whole path), the store's series path on a scratch database (<c>StoreWarmUp</c>) and the per-series
    /// log messages, so the first scan pays no engine build and no code compilation.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// After each series, a full compacting collection that returns freed memory to the system. A series leaves hundreds
    /// of MB of large arrays (the volume, network buffers) behind, and the GC sizes its budget by the largest series seen,
    /// so without this the resident set climbs series after series; on a Jetson the GPU shares that memory. It costs tens
    /// of milliseconds per series.
    /// </summary>
    public bool ReleaseMemoryAfterSeries { get; set; } = true;

    /// <summary>
    /// Memory for instances decoded to HU while their series arrives (0 turns it off); 512 MiB holds a 512-slice 512²
    /// series. A series decoded whole becomes its volume as it is, without a copy (see
    /// <c>VolumeAssemblyOptions.ShareDecodedFrames</c>).
    /// </summary>
    public int PredecodeMemoryMiB { get; set; } = 512;
}
