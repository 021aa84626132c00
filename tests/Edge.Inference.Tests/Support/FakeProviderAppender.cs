using Edge.Inference.Execution;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Tests.Support;

/// <summary>Injected provider availability: each provider either appends or fails with a given reason.</summary>
internal sealed class FakeProviderAppender(params ExecutionProviderKind[] available) : IExecutionProviderAppender
{
    public List<ExecutionProviderKind> Tried { get; } = [];

    public string? TryAppend(SessionOptions options, ExecutionProviderKind kind, ExecutionProviderSettings settings)
    {
        Tried.Add(kind);
        return available.Contains(kind) ? null : $"{kind} library not found (fake)";
    }
}
