using System.Buffers;
using Edge.Dicom.Network.Association;

namespace Edge.Dicom.Network.Dimse;

/// <summary>What one PDV meant. <see cref="Data"/> is a slice of the receive buffer, valid until the next receive.</summary>
internal readonly record struct DimseReceiveResult(
    DimseReceiveKind Kind,
    PresentationContext? Context = null,
    DimseCommand? Command = null,
    ReadOnlySequence<byte> Data = default,
    bool IsLastFragment = false);
