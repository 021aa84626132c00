using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Protocol;

/// <summary>
/// Parses upper-layer PDUs from a <see cref="ReadOnlySequence{T}"/>. <c>TryParse</c> returns false and consumes nothing
/// while a PDU is incomplete, and throws <see cref="DicomProtocolException"/> only for malformed bytes. Every length is
/// checked against its container and the <see cref="PduLimits"/> before any body is buffered or allocated.
/// </summary>
public static partial class PduReader
{
    /// <summary>PDU type, reserved byte and 4-byte big-endian length (PS3.8 §9.3.1).</summary>
    public const int HeaderLength = 6;

    /// <summary>
    /// Peeks a PDU header. Returns false with fewer than 6 bytes; throws for an unknown type or a length over the limit,
    /// so a caller can size (and budget) the body before waiting for it.
    /// </summary>
    public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, PduLimits limits, out PduType type, out uint length)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        if (buffer.Length < HeaderLength)
        {
            type = default;
            length = 0;
            return false;
        }

        buffer.Slice(0, HeaderLength).CopyTo(header);
        type = (PduType)header[0];
        length = BinaryPrimitives.ReadUInt32BigEndian(header[2..]);
        if (header[0] is < (byte)PduType.AssociateRequest or > (byte)PduType.Abort)
        {
            ProtocolThrow.Error(ProtocolError.UnknownPduType, $"Unknown PDU type 0x{header[0]:X2}.");
        }

        uint max = limits.MaxBodyLength(type);
        if (type is PduType.ReleaseRequest or PduType.ReleaseResponse or PduType.Abort or PduType.AssociateReject)
        {
            if (length != 4)
            {
                ProtocolThrow.Error(ProtocolError.InvalidPduLength, $"{type} PDU length must be 4, was {length}.");
            }
        }
        else if (length > max)
        {
            ProtocolThrow.Error(ProtocolError.PduTooLarge, $"{type} PDU length {length} exceeds the limit of {max} bytes.");
        }

        return true;
    }

    public static bool TryParse(ref SequenceReader<byte> reader, PduLimits limits, [NotNullWhen(true)] out Pdu? pdu)
    {
        ReadOnlySequence<byte> unread = reader.UnreadSequence;
        if (!TryReadHeader(unread, limits, out PduType type, out uint length) || unread.Length - HeaderLength < length)
        {
            pdu = null;
            return false;
        }

        ReadOnlySequence<byte> body = unread.Slice(HeaderLength, length);
        pdu = type switch
        {
            PduType.AssociateRequest => ParseAssociateRequest(body),
            PduType.AssociateAccept => ParseAssociateAccept(body),
            PduType.AssociateReject => ParseAssociateReject(body),
            PduType.DataTransfer => ParseDataTransfer(body),
            PduType.ReleaseRequest => ReleaseRequestPdu.Instance,
            PduType.ReleaseResponse => ReleaseResponsePdu.Instance,
            _ => ParseAbort(body),
        };
        reader.Advance(HeaderLength + length);
        return true;
    }

    private static AssociateRejectPdu ParseAssociateReject(ReadOnlySequence<byte> body)
    {
        Span<byte> b = stackalloc byte[4];
        body.CopyTo(b);
        byte result = b[1];
        byte source = b[2];
        if (result is not (1 or 2))
        {
            ProtocolThrow.Error(ProtocolError.InvalidItemValue, $"A-ASSOCIATE-RJ result {result} is not 1 or 2.");
        }

        if (source is < 1 or > 3)
        {
            ProtocolThrow.Error(ProtocolError.InvalidItemValue, $"A-ASSOCIATE-RJ source {source} is not 1, 2 or 3.");
        }

        return new AssociateRejectPdu((AssociateRejectResult)result, (AssociateRejectSource)source, b[3]);
    }

    private static AbortPdu ParseAbort(ReadOnlySequence<byte> body)
    {
        Span<byte> b = stackalloc byte[4];
        body.CopyTo(b);

        // Reserved values are kept as sent: an abort is honoured whatever its diagnostic says.
        return new AbortPdu((AbortSource)b[2], (AbortReason)b[3]);
    }

    private static DataTransferPdu ParseDataTransfer(ReadOnlySequence<byte> body)
    {
        var values = new List<PresentationDataValue>(1);
        var reader = new SequenceReader<byte>(body);
        while (!reader.End)
        {
            // Item length (4) + context id (1) + message control header (1) (PS3.8 §9.3.5.1).
            if (!reader.TryReadBigEndian(out int itemLength) || !reader.TryRead(out byte contextId) || !reader.TryRead(out byte control))
            {
                return ProtocolThrow.Error<DataTransferPdu>(ProtocolError.InvalidItemLength, "P-DATA-TF ends inside a PDV item header.");
            }

            long dataLength = (uint)itemLength - 2L;
            if ((uint)itemLength < 2 || dataLength > reader.Remaining)
            {
                return ProtocolThrow.Error<DataTransferPdu>(ProtocolError.ItemOverrunsContainer,
                    $"PDV item length {(uint)itemLength} does not fit the {reader.Remaining + 2} bytes left in its P-DATA-TF.");
            }

            if ((control & 0xFC) != 0)
            {
                return ProtocolThrow.Error<DataTransferPdu>(ProtocolError.InvalidItemValue,
                    $"PDV message control header 0x{control:X2} sets reserved bits.");
            }

            ReadOnlySequence<byte> data = reader.UnreadSequence.Slice(0, dataLength);
            reader.Advance(dataLength);
            values.Add(new PresentationDataValue(contextId, (control & 1) != 0, (control & 2) != 0, data));
        }

        if (values.Count == 0)
        {
            ProtocolThrow.Error(ProtocolError.MissingItem, "P-DATA-TF carries no presentation data value.");
        }

        return new DataTransferPdu(values);
    }
}
