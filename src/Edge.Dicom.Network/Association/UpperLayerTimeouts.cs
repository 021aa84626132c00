namespace Edge.Dicom.Network.Association;

/// <summary>The timers one association runs with. Defaults and their provenance live in the server and client options.</summary>
internal sealed record UpperLayerTimeouts(TimeSpan Artim, TimeSpan Send);
