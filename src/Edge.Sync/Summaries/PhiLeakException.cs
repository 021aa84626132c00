namespace Edge.Sync.Summaries;

/// <summary>A payload would have carried an identifying value; it is withheld. The message never holds the value.</summary>
public sealed class PhiLeakException : InvalidOperationException
{
    public PhiLeakException()
    {
    }

    public PhiLeakException(string message)
        : base(message)
    {
    }

    public PhiLeakException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
