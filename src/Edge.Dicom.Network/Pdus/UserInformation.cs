namespace Edge.Dicom.Network.Pdus;

/// <summary>User information item and its sub-items (PS3.8 §9.3.2.3, Annex D.3.3, PS3.7 Annex D.3.3).</summary>
public sealed class UserInformation
{
    /// <summary>Maximum length of a P-DATA-TF PDU's variable field the sender can receive; 0 means unlimited (PS3.8 D.1).</summary>
    public uint MaximumLength { get; init; }

    public required string ImplementationClassUid { get; init; }

    /// <summary>1-16 characters, or null when the sub-item is absent.</summary>
    public string? ImplementationVersionName { get; init; }

    /// <summary>Null when the sub-item is absent (the default window of 1/1 then applies, PS3.7 D.3.3.3).</summary>
    public AsyncOperationsWindow? AsyncOperationsWindow { get; init; }

    public IReadOnlyList<RoleSelectionItem> RoleSelections { get; init; } = [];

    /// <summary>Sub-items Edge does not negotiate (extended negotiation, user identity, future types), kept so they can be logged.</summary>
    public IReadOnlyList<UserInformationSubItem> OtherSubItems { get; init; } = [];
}
