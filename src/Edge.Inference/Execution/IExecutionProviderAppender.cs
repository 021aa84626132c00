using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// Tries to add one execution provider to session options. This is the seam that makes provider selection testable
/// without a GPU: tests inject appenders whose providers succeed or fail at will.
/// </summary>
public interface IExecutionProviderAppender
{
    /// <returns>null when the provider was appended, otherwise why it could not be.</returns>
    string? TryAppend(SessionOptions options, ExecutionProviderKind kind, ExecutionProviderSettings settings);
}
