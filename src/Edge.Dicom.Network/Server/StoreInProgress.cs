using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Server;

/// <summary>
/// A request whose data set is arriving. With <see cref="Instance"/> set, fragments go to disk; otherwise they are
/// discarded and <see cref="Status"/> is the answer already decided (refused SOP class, low disk, unsupported operation).
/// </summary>
internal sealed class StoreInProgress(DimseCommand command, PresentationContext context) : IDisposable
{
    public DimseCommand Command { get; } = command;

    public PresentationContext Context { get; } = context;

    public IncomingInstance? Instance { get; set; }

    public ushort Status { get; set; } = DimseStatus.Success;

    public string? ErrorComment { get; set; }

    public void Refuse(ushort status, string comment)
    {
        Instance?.Dispose();
        Instance = null;
        Status = status;
        ErrorComment = comment;
    }

    public void Dispose() => Instance?.Dispose();
}
