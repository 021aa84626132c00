namespace Edge.Dicom.Network.Pdus;

/// <summary>
/// Every reject reason of PS3.8 Table 9-21, one member per (source, reason) pair. The high byte is the
/// source and the low byte the wire reason, so the same wire value under different sources stays distinct.
/// </summary>
public enum AssociateRejectReason : ushort
{
    UserNoReasonGiven = 0x0101,
    ApplicationContextNameNotSupported = 0x0102,
    CallingAeTitleNotRecognized = 0x0103,
    CalledAeTitleNotRecognized = 0x0107,
    AcseNoReasonGiven = 0x0201,
    ProtocolVersionNotSupported = 0x0202,
    TemporaryCongestion = 0x0301,
    LocalLimitExceeded = 0x0302,
}
