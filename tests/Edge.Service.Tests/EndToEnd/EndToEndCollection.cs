namespace Edge.Service.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests each run a whole edge-service with inference on a two-core machine: one at a time, so their
/// timings stay representative and they do not starve each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "edge-service end to end";
}
