namespace Edge.Sync.Messages;

/// <summary>Which model, at which version and weights, a device runs.</summary>
public sealed record ModelIdentity(string Id, string Version, string Sha256);
