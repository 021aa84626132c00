namespace Edge.Dicom.Network.Pdus;

/// <summary>
/// P-DATA-TF (PS3.8 §9.3.5). When produced by the parser, each value's data is a slice of the receive buffer
/// and is valid only until the reader advances past this PDU.
/// </summary>
public sealed class DataTransferPdu : Pdu
{
    public DataTransferPdu(IReadOnlyList<PresentationDataValue> values)
    {
        Values = values;
    }

    public override PduType Type => PduType.DataTransfer;

    public IReadOnlyList<PresentationDataValue> Values { get; }
}
