namespace Edge.Inference.Execution;

/// <summary>One provider the chain tried, and why it failed (null when it loaded).</summary>
public sealed record ProviderAttempt(ExecutionProviderKind Kind, string? FailureReason)
{
    public bool Loaded => FailureReason is null;
}
