using LiteDB;

namespace Edge.Store.Documents;

/// <summary>
/// The outcome of processing one series at one generation: the overall decision and one
/// <see cref="ModelResult"/> per model. Its <see cref="Id"/> is also the summary's idempotency key.
/// </summary>
public sealed class ResultRecord
{
    [BsonId]
    public Guid Id { get; set; }

    public long JobId { get; set; }

    /// <summary>Local only; the summary carries an HMAC of it instead.</summary>
    public string SeriesInstanceUid { get; set; } = "";

    /// <summary>Local only; the summary carries an HMAC of it instead.</summary>
    public string StudyInstanceUid { get; set; } = "";

    public int Generation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Decision Decision { get; set; }

    /// <summary>The ONNX Runtime execution provider that ran the models (TensorRT, CUDA, CPU).</summary>
    public string? ExecutionProvider { get; set; }

    public List<ModelResult> Models { get; set; } = [];

    public PipelineTimings Timings { get; set; } = new();

    /// <summary>Why the series failed, when <see cref="Decision"/> is <see cref="Decision.Failed"/>.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The most severe decision among models: suspicious, then failed, then negative, then not eligible.</summary>
    public static Decision Combine(IEnumerable<ModelResult> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        bool any = false, failed = false, negative = false;
        foreach (ModelResult m in models)
        {
            any = true;
            switch (m.Decision)
            {
                case Decision.Suspicious:
                    return Decision.Suspicious;
                case Decision.Failed:
                    failed = true;
                    break;
                case Decision.Negative:
                    negative = true;
                    break;
            }
        }

        return !any ? Decision.NotEligible : failed ? Decision.Failed : negative ? Decision.Negative : Decision.NotEligible;
    }
}
