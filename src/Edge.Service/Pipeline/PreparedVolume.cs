using Edge.Imaging.Assembly;

namespace Edge.Service.Pipeline;

/// <summary>
/// A series assembled speculatively from its pre-decoded files as soon as its sender released, alongside the completion
/// commit: <see cref="Paths"/> are the files it was built from, <see cref="Version"/> the cache's version of the series
/// then. Assembly takes it only if the series' files on disk are exactly those and unchanged.
/// </summary>
public sealed record PreparedVolume(AssembledVolume Assembled, IReadOnlySet<string> Paths, int Version);
