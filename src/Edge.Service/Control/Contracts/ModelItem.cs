namespace Edge.Service.Control.Contracts;

/// <summary>One package directory: loaded and verified (with its identity) or refused (with the reason).</summary>
public sealed record ModelItem(
    string Directory,
    bool Valid,
    bool Active,
    string? Id,
    string? Version,
    string? Name,
    string? IntendedUse,
    string? Sha256,
    string? Error);
