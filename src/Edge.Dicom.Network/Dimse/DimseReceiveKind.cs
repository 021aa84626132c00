namespace Edge.Dicom.Network.Dimse;

internal enum DimseReceiveKind
{
    /// <summary>A command fragment was buffered; nothing to act on yet.</summary>
    Pending,

    /// <summary>A command set is complete.</summary>
    Command,

    /// <summary>A fragment of the data set announced by the last command.</summary>
    DataSetFragment,
}
