namespace Edge.Imaging.Completion;

/// <summary>One received instance of a tracked series (a plain DTO: the service persists it).</summary>
public sealed class TrackedInstance
{
    public string SopInstanceUid { get; set; } = string.Empty;

    /// <summary>Where the instance was stored; null when the source gave no file.</summary>
    public string? FilePath { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
