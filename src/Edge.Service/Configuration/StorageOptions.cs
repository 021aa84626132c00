namespace Edge.Service.Configuration;

/// <summary>
/// Section <c>Storage</c>: where the appliance keeps its data, and how long received images stay. Everything else on disk
/// (received instances, database, device secret, control socket in a dev checkout) defaults to a place under
/// <see cref="Root"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Data directory; relative paths are taken from the working directory (a dev checkout's <c>./data</c>).</summary>
    public string Root { get; set; } = "data";

    /// <summary>
    /// Hours a processed series' received files are kept before they are deleted. 24 h lets a radiologist's same-day
    /// question ("re-run that scan") be answered from the box while pixels never pile up for long.
    /// </summary>
    public double KeepReceivedHours { get; set; } = 24;

    /// <summary>
    /// Most bytes received files and the database together may occupy; 0 means no fixed quota. Over it, processed
    /// series' files are deleted oldest first even inside the keep window. Unprocessed series are never deleted.
    /// </summary>
    public long QuotaBytes { get; set; }

    /// <summary>How often retention runs. A minute keeps the keep window accurate to about a minute at a negligible cost.</summary>
    public int RetentionIntervalSeconds { get; set; } = 60;
}
