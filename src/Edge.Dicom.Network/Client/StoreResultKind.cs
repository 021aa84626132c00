namespace Edge.Dicom.Network.Client;

public enum StoreResultKind
{
    /// <summary>The peer answered Success.</summary>
    Stored,

    /// <summary>The peer answered a warning (Bxxx, 0001): stored, possibly coerced.</summary>
    StoredWithWarning,

    /// <summary>The peer answered a failure status.</summary>
    Failed,

    /// <summary>Never sent: unreadable file, no usable presentation context, or the association ended first.</summary>
    NotSent,
}
