using System.Buffers;
using System.Buffers.Binary;
using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Protocol;

/// <summary>Encodes upper-layer PDUs (PS3.8 §9.3) into an <see cref="IBufferWriter{T}"/>; all multi-byte fields are big-endian.</summary>
public static partial class PduWriter
{
    /// <summary>PDU header (6) plus one PDV item header (4-byte length, context id, control header).</summary>
    public const int DataPduOverhead = PduReader.HeaderLength + PdvItemHeaderLength;

    /// <summary>Item length (4), presentation context id (1), message control header (1) (PS3.8 §9.3.5.1).</summary>
    public const int PdvItemHeaderLength = 6;

    public static void Write(IBufferWriter<byte> output, Pdu pdu)
    {
        switch (pdu)
        {
            case AssociateRequestPdu rq:
                WriteAssociateRequest(output, rq);
                break;
            case AssociateAcceptPdu ac:
                WriteAssociateAccept(output, ac);
                break;
            case AssociateRejectPdu rj:
                WriteFourByteBody(output, PduType.AssociateReject, 0, (byte)rj.Result, (byte)rj.Source, rj.Reason);
                break;
            case DataTransferPdu data:
                WriteDataTransfer(output, data);
                break;
            case ReleaseRequestPdu:
                WriteFourByteBody(output, PduType.ReleaseRequest, 0, 0, 0, 0);
                break;
            case ReleaseResponsePdu:
                WriteFourByteBody(output, PduType.ReleaseResponse, 0, 0, 0, 0);
                break;
            case AbortPdu abort:
                WriteFourByteBody(output, PduType.Abort, 0, 0, (byte)abort.Source,
                    abort.Source == AbortSource.ServiceProvider ? (byte)abort.Reason : (byte)0);
                break;
            default:
                throw new ArgumentException($"Unsupported PDU {pdu.GetType().Name}.", nameof(pdu));
        }
    }

    /// <summary>Writes a P-DATA-TF holding one PDV: the common case, with no intermediate copy of the fragment.</summary>
    public static void WriteDataPdu(IBufferWriter<byte> output, byte contextId, bool isCommand, bool isLast, ReadOnlySpan<byte> fragment)
    {
        Span<byte> header = output.GetSpan(DataPduOverhead);
        WriteDataPduHeader(header, contextId, isCommand, isLast, fragment.Length);
        output.Advance(DataPduOverhead);
        output.Write(fragment);
    }

    /// <summary>The 12 bytes that precede a single-PDV fragment of <paramref name="fragmentLength"/> bytes.</summary>
    public static void WriteDataPduHeader(Span<byte> header, byte contextId, bool isCommand, bool isLast, int fragmentLength)
    {
        header[0] = (byte)PduType.DataTransfer;
        header[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[2..], (uint)(fragmentLength + PdvItemHeaderLength));
        BinaryPrimitives.WriteUInt32BigEndian(header[6..], (uint)(fragmentLength + 2));
        header[10] = contextId;
        header[11] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
    }

    private static void WriteDataTransfer(IBufferWriter<byte> output, DataTransferPdu pdu)
    {
        long total = 0;
        foreach (PresentationDataValue v in pdu.Values)
        {
            total += 6 + v.Data.Length;
        }

        Span<byte> header = output.GetSpan(PduReader.HeaderLength);
        header[0] = (byte)PduType.DataTransfer;
        header[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[2..], checked((uint)total));
        output.Advance(PduReader.HeaderLength);
        foreach (PresentationDataValue v in pdu.Values)
        {
            Span<byte> item = output.GetSpan(6);
            BinaryPrimitives.WriteUInt32BigEndian(item, checked((uint)(v.Data.Length + 2)));
            item[4] = v.PresentationContextId;
            item[5] = v.MessageControlHeader;
            output.Advance(6);
            foreach (ReadOnlyMemory<byte> segment in v.Data)
            {
                output.Write(segment.Span);
            }
        }
    }

    private static void WriteFourByteBody(IBufferWriter<byte> output, PduType type, byte b0, byte b1, byte b2, byte b3)
    {
        Span<byte> s = output.GetSpan(10);
        s[0] = (byte)type;
        s[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(s[2..], 4);
        s[6] = b0;
        s[7] = b1;
        s[8] = b2;
        s[9] = b3;
        output.Advance(10);
    }
}
