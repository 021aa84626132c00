namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ABORT reason/diag field for service-provider aborts (PS3.8 Table 9-26); 3 is reserved.</summary>
public enum AbortReason : byte
{
    NotSpecified = 0,
    UnrecognizedPdu = 1,
    UnexpectedPdu = 2,
    UnrecognizedPduParameter = 4,
    UnexpectedPduParameter = 5,
    InvalidPduParameterValue = 6,
}
