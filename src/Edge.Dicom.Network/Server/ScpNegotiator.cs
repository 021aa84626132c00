using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Server;

/// <summary>
/// Presentation-context negotiation of the storage SCP (PS3.8 §9.3.3.2, PS3.7 D.3.3): each context is answered on its
/// own, so the same abstract syntax may be accepted several times with different transfer syntaxes.
/// </summary>
internal sealed class ScpNegotiator
{
    /// <summary>Storage SOP classes live under the Storage Service Class root (PS3.4 Annex B; PS3.6 Annex A).</summary>
    private const string StorageRoot = "1.2.840.10008.5.1.4.";

    private readonly IReadOnlyList<string> _transferSyntaxes;
    private readonly HashSet<string>? _sopClasses;

    public ScpNegotiator(IReadOnlyList<string> transferSyntaxPreference, IEnumerable<string> sopClasses)
    {
        _transferSyntaxes = transferSyntaxPreference;
        var configured = new HashSet<string>(sopClasses, StringComparer.Ordinal);
        _sopClasses = configured.Count == 0 ? null : configured;
    }

    public bool SupportsAbstractSyntax(string uid)
    {
        if (uid == DicomUids.Verification)
        {
            return true;
        }

        if (_sopClasses is not null)
        {
            return _sopClasses.Contains(uid);
        }

        return uid.StartsWith(StorageRoot, StringComparison.Ordinal) && DicomUids.TryGetInfo(uid, out DicomUidInfo? info)
            && info.Type == DicomUidType.SopClass && info.Name.EndsWith(" Storage", StringComparison.Ordinal);
    }

    public NegotiationResult Negotiate(AssociateRequestPdu request)
    {
        // The requestor proposes roles for itself; Edge only ever lets it be SCU (it stores, it never sends back on
        // this association), and answers only for SOP classes that were proposed (PS3.7 D.3.3.4).
        var roles = new List<RoleSelectionItem>();
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        foreach (RoleSelectionItem proposal in request.UserInformation.RoleSelections)
        {
            if (!SupportsAbstractSyntax(proposal.SopClassUid) || roles.Exists(r => r.SopClassUid == proposal.SopClassUid))
            {
                continue;
            }

            roles.Add(new RoleSelectionItem(proposal.SopClassUid, ScuRole: proposal.ScuRole, ScpRole: false));
            if (!proposal.ScuRole)
            {
                unusable.Add(proposal.SopClassUid);
            }
        }

        var results = new List<PresentationContextResultItem>(request.PresentationContexts.Count);
        var accepted = new Dictionary<byte, PresentationContext>();
        foreach (PresentationContextItem pc in request.PresentationContexts)
        {
            if (!SupportsAbstractSyntax(pc.AbstractSyntax))
            {
                results.Add(new PresentationContextResultItem(pc.Id, PresentationContextResult.AbstractSyntaxNotSupported, string.Empty));
                continue;
            }

            if (unusable.Contains(pc.AbstractSyntax))
            {
                results.Add(new PresentationContextResultItem(pc.Id, PresentationContextResult.UserRejection, string.Empty));
                continue;
            }

            string? chosen = null;
            foreach (string preferred in _transferSyntaxes)
            {
                if (pc.TransferSyntaxes.Contains(preferred, StringComparer.Ordinal))
                {
                    chosen = preferred;
                    break;
                }
            }

            if (chosen is null)
            {
                results.Add(new PresentationContextResultItem(pc.Id, PresentationContextResult.TransferSyntaxesNotSupported, string.Empty));
                continue;
            }

            results.Add(new PresentationContextResultItem(pc.Id, PresentationContextResult.Acceptance, chosen));
            accepted[pc.Id] = new PresentationContext(pc.Id, pc.AbstractSyntax, DicomTransferSyntax.Lookup(chosen));
        }

        // Answered only when proposed; Edge performs one operation at a time (the default window, PS3.7 D.3.3.3).
        AsyncOperationsWindow? window = request.UserInformation.AsyncOperationsWindow is null ? null : new AsyncOperationsWindow(1, 1);
        return new NegotiationResult(results, accepted, roles, window);
    }
}
