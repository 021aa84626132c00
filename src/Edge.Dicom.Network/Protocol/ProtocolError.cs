namespace Edge.Dicom.Network.Protocol;

/// <summary>
/// Why a peer's bytes were refused. Every member maps to the A-ABORT reason sent before the association is
/// dropped (<see cref="ProtocolErrors.ToAbortReason"/>); the finer split is for the log line.
/// </summary>
public enum ProtocolError
{
    UnknownPduType,
    PduTooLarge,
    InvalidPduLength,
    ItemOverrunsContainer,
    InvalidItemLength,
    UnknownItemType,
    MissingItem,
    DuplicateItem,
    InvalidItemValue,
    InvalidPresentationContextId,
    UnexpectedPdu,
    UnknownPresentationContext,
    InterleavedFragments,
    DataWithoutCommand,
    CommandTooLarge,
    MessageTooLarge,
    OddLengthFragment,
    MalformedCommand,
    CommandGroupLengthMismatch,
}
