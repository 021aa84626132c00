namespace Edge.Inference.Execution;

/// <summary>
/// The outcome of configuring one session: every provider that loaded, in priority order (ONNX Runtime gives each graph
/// node to the first of them that supports it), and every attempt with its reason.
/// </summary>
public sealed record ProviderSelection(IReadOnlyList<ExecutionProviderKind> Loaded, IReadOnlyList<ProviderAttempt> Attempts)
{
    /// <summary>The provider that runs the network (the first that loaded).</summary>
    public ExecutionProviderKind Primary => Loaded[0];

    public bool UsesGpu => ExecutionProviderNames.IsGpu(Primary);

    public string Describe() => string.Join(" → ", Attempts.Select(a =>
        ExecutionProviderNames.Display(a.Kind) + (a.Loaded ? string.Empty : " (unavailable)")));
}
