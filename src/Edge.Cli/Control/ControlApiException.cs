namespace Edge.Cli.Control;

/// <summary>edge-service answered, but with an error (bad request, not found ...); the message is its own sentence.</summary>
internal sealed class ControlApiException(int status, string message) : Exception(message)
{
    public int Status => status;
}
