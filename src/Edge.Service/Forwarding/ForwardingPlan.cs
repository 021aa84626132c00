using Edge.Service.Configuration;
using Edge.Store;
using Edge.Store.Documents;

namespace Edge.Service.Forwarding;

/// <summary>
/// The rules: which destination gets what. Originals go to every destination that takes originals (the PACS); result
/// objects to every destination that takes results (the PACS, and optionally a second AE).
/// </summary>
public sealed class ForwardingPlan
{
    public ForwardingPlan(EdgeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Configured = [.. settings.Destinations.Select(d => d.Name)];
        Destinations = [.. settings.Destinations.Where(d => d.Enabled)];
        Originals = [.. Destinations.Where(d => d.ReceivesOriginals)];
        Results = [.. Destinations.Where(d => d.ReceivesResults)];
    }

    /// <summary>Names of every configured destination, enabled or not (a disabled one is paused, its items kept).</summary>
    public IReadOnlyList<string> Configured { get; }

    /// <summary>The enabled destinations: one forwarder each.</summary>
    public IReadOnlyList<DestinationOptions> Destinations { get; }

    public IReadOnlyList<DestinationOptions> Originals { get; }

    public IReadOnlyList<DestinationOptions> Results { get; }

    public bool ForwardsOriginals => Originals.Count > 0;

    public bool IsConfigured(string destination) => Configured.Contains(destination, StringComparer.Ordinal);

    /// <summary>One request per destination of <paramref name="to"/> for one instance.</summary>
    public static List<ForwardRequest> Requests(IReadOnlyList<DestinationOptions> to, ForwardKind kind, string path, string study, string series,
        string sopInstance, string sopClass) =>
        [.. to.Select(d => new ForwardRequest(d.Name, kind, path, study, series, sopInstance, sopClass))];
}
