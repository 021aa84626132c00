using System.Buffers;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Tests.Support;

internal static class PduBytes
{
    public static byte[] Encode(Pdu pdu)
    {
        var writer = new ArrayBufferWriter<byte>();
        PduWriter.Write(writer, pdu);
        return writer.WrittenSpan.ToArray();
    }

    public static Pdu Parse(byte[] bytes, PduLimits? limits = null) => Parse(new ReadOnlySequence<byte>(bytes), limits);

    public static Pdu Parse(ReadOnlySequence<byte> sequence, PduLimits? limits = null)
    {
        var reader = new SequenceReader<byte>(sequence);
        Assert.True(PduReader.TryParse(ref reader, limits ?? PduLimits.Default, out Pdu? pdu));
        Assert.True(reader.End, "the whole PDU must be consumed");
        return pdu;
    }
}
