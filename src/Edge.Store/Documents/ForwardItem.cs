using LiteDB;

namespace Edge.Store.Documents;

/// <summary>One instance queued for one DICOM destination (collection <c>forwarding</c>).</summary>
public sealed class ForwardItem
{
    [BsonId]
    public long Id { get; set; }

    /// <summary><c>{destination}|{SOP Instance UID}</c>: an instance is queued once per destination, however often it arrives.</summary>
    public string Key { get; set; } = "";

    /// <summary>The configured destination's name.</summary>
    public string Destination { get; set; } = "";

    public ForwardKind Kind { get; set; }

    /// <summary>The Part 10 file to send, unchanged.</summary>
    public string Path { get; set; } = "";

    public string StudyInstanceUid { get; set; } = "";

    public string SeriesInstanceUid { get; set; } = "";

    public string SopInstanceUid { get; set; } = "";

    public string SopClassUid { get; set; } = "";

    public ForwardState State { get; set; }

    /// <summary>
    /// When the item may next be tried, as Unix milliseconds, while <see cref="State"/> is Pending; 0 once finished,
    /// which takes it out of the index range the forwarder scans.
    /// </summary>
    public long DueAt { get; set; }

    /// <summary>Attempts the destination answered with a failure for this instance (association failures do not count).</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public static string MakeKey(string destination, string sopInstanceUid) => destination + "|" + sopInstanceUid;
}
