namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-AC (PS3.8 §9.3.3).</summary>
public sealed class AssociateAcceptPdu : Pdu
{
    public override PduType Type => PduType.AssociateAccept;

    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>Echoed from the request; PS3.8 says receivers shall not test it.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Echoed from the request; PS3.8 says receivers shall not test it.</summary>
    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = DicomUpperLayer.ApplicationContextName;

    public required IReadOnlyList<PresentationContextResultItem> PresentationContexts { get; init; }

    public required UserInformation UserInformation { get; init; }
}
