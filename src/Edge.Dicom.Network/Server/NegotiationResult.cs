using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Server;

/// <summary>The acceptor's answer to one A-ASSOCIATE-RQ.</summary>
internal sealed record NegotiationResult(
    IReadOnlyList<PresentationContextResultItem> Results,
    IReadOnlyDictionary<byte, PresentationContext> Accepted,
    IReadOnlyList<RoleSelectionItem> RoleReplies,
    AsyncOperationsWindow? AsyncOperationsWindow);
