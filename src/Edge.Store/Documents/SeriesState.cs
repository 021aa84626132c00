namespace Edge.Store.Documents;

public enum SeriesState
{
    /// <summary>Instances are still arriving.</summary>
    Receiving,

    /// <summary>Complete and queued for processing.</summary>
    Queued,

    Processing,

    Done,

    Failed,
}
