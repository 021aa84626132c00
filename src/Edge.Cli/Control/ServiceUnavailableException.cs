namespace Edge.Cli.Control;

/// <summary>The control socket is absent, refuses, or may not be opened: edgectl cannot reach edge-service.</summary>
internal sealed class ServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
