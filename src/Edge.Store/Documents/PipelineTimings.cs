namespace Edge.Store.Documents;

/// <summary>End-to-end wall-clock milliseconds for one series, by pipeline stage.</summary>
public sealed class PipelineTimings
{
    /// <summary>From the last instance received to the series being declared complete.</summary>
    public double? CompletionMs { get; set; }

    /// <summary>Time the job waited in the queue.</summary>
    public double? QueueMs { get; set; }

    /// <summary>Reading instances and assembling the HU volume.</summary>
    public double? AssemblyMs { get; set; }

    /// <summary>All models, including their pre- and post-processing.</summary>
    public double? InferenceMs { get; set; }

    /// <summary>From the last instance received to the result being committed.</summary>
    public double? TotalMs { get; set; }
}
