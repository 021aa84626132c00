using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Server;

namespace Edge.Dicom.Network.Client;

/// <summary>An association could not be established or ended before the operation completed.</summary>
public sealed class DicomAssociationException : Exception
{
    public DicomAssociationException(AssociationEndReason reason, string message, AssociateRejectPdu? reject = null)
        : base(message)
    {
        Reason = reason;
        Reject = reject;
    }

    public AssociationEndReason Reason { get; }

    /// <summary>The peer's A-ASSOCIATE-RJ when <see cref="Reason"/> is <see cref="AssociationEndReason.Rejected"/>.</summary>
    public AssociateRejectPdu? Reject { get; }

    /// <summary>A transient reject (busy, low on resources) is worth retrying later; a permanent one is not.</summary>
    public bool IsTransient => Reject?.Result == AssociateRejectResult.Transient
        || Reason is AssociationEndReason.ConnectionLost or AssociationEndReason.TimedOut;
}
