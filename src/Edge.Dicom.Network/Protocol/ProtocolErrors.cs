using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Protocol;

/// <summary>Maps protocol errors to the A-ABORT reasons of PS3.8 Table 9-26.</summary>
public static class ProtocolErrors
{
    public static AbortReason ToAbortReason(this ProtocolError error) => error switch
    {
        ProtocolError.UnknownPduType => AbortReason.UnrecognizedPdu,
        ProtocolError.UnexpectedPdu => AbortReason.UnexpectedPdu,
        ProtocolError.UnknownItemType => AbortReason.UnrecognizedPduParameter,
        ProtocolError.MissingItem or ProtocolError.DuplicateItem or ProtocolError.InterleavedFragments
            or ProtocolError.DataWithoutCommand => AbortReason.UnexpectedPduParameter,
        _ => AbortReason.InvalidPduParameterValue,
    };
}
