namespace Edge.Inference.Execution;

/// <summary>
/// No acceptable execution provider loaded: either none at all, or none on a GPU while <c>Inference:RequireGpu</c> is set.
/// Thrown at start-up (warm-up) so a misconfigured appliance fails loudly instead of screening slowly.
/// </summary>
public sealed class NoExecutionProviderException : Exception
{
    public NoExecutionProviderException()
    {
    }

    public NoExecutionProviderException(string message)
        : base(message)
    {
    }

    public NoExecutionProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
