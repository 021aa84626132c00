namespace Edge.Dicom.Network.Protocol;

/// <summary>Upper bounds a PDU must respect before any of its body is buffered.</summary>
public sealed record PduLimits
{
    /// <summary>
    /// A-ASSOCIATE-RQ/AC bodies. 128 presentation contexts (odd ids 1-255) with 30 transfer syntaxes of
    /// 64-character UIDs each is ~270 KiB; the user-information item is at most 65,535 bytes (2-byte length,
    /// PS3.8 §9.3.2.3). 1 MiB is therefore above anything a conformant peer sends.
    /// </summary>
    public const uint DefaultMaxAssociatePduLength = 1024 * 1024;

    /// <summary>
    /// Largest P-DATA-TF variable field accepted. Edge advertises this as its Maximum Length Received; 256 KiB is
    /// fo-dicom's and pynetdicom's order of magnitude and twice dcmtk's ceiling of 128 KiB (storescu --max-pdu).
    /// </summary>
    public const uint DefaultMaxDataPduLength = 256 * 1024;

    public static PduLimits Default { get; } = new();

    public uint MaxAssociatePduLength { get; init; } = DefaultMaxAssociatePduLength;

    public uint MaxDataPduLength { get; init; } = DefaultMaxDataPduLength;

    /// <summary>The limit for a PDU type: release and abort PDUs always have a 4-byte body (PS3.8 §9.3.6-9.3.8).</summary>
    public uint MaxBodyLength(Pdus.PduType type) => type switch
    {
        Pdus.PduType.AssociateRequest or Pdus.PduType.AssociateAccept => MaxAssociatePduLength,
        Pdus.PduType.DataTransfer => MaxDataPduLength,
        _ => 4,
    };
}
