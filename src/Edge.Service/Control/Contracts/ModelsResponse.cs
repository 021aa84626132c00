namespace Edge.Service.Control.Contracts;

/// <summary><c>GET /models</c>: the models root, the provider in use, and every package found with its verdict.</summary>
public sealed record ModelsResponse(string Directory, string Source, string? ExecutionProvider, string? Problem, IReadOnlyList<ModelItem> Models);
