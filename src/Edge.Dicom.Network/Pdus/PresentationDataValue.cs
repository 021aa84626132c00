using System.Buffers;

namespace Edge.Dicom.Network.Pdus;

/// <summary>One presentation-data-value item: a message fragment tagged with its context (PS3.8 §9.3.5.1, Annex E.2).</summary>
public readonly record struct PresentationDataValue(byte PresentationContextId, bool IsCommand, bool IsLastFragment, ReadOnlySequence<byte> Data)
{
    /// <summary>Message control header: bit 0 set = command, bit 1 set = last fragment (PS3.8 Annex E.2).</summary>
    public byte MessageControlHeader => (byte)((IsCommand ? 1 : 0) | (IsLastFragment ? 2 : 0));
}
