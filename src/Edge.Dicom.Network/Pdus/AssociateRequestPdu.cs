namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ (PS3.8 §9.3.2).</summary>
public sealed class AssociateRequestPdu : Pdu
{
    public override PduType Type => PduType.AssociateRequest;

    /// <summary>Bit 0 set means protocol version 1, the only one defined (PS3.8 §9.3.2).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>Called AE title as sent, without its space padding.</summary>
    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = DicomUpperLayer.ApplicationContextName;

    public required IReadOnlyList<PresentationContextItem> PresentationContexts { get; init; }

    public required UserInformation UserInformation { get; init; }
}
