using System.Buffers;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Protocol;

public sealed class PduIncrementalParsingTests
{
    [Theory]
    [MemberData(nameof(GoldenPdus.All), MemberType = typeof(GoldenPdus))]
    public void Every_prefix_is_incomplete_and_consumes_nothing(string name, byte[] bytes)
    {
        for (int length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.False(PduReader.TryParse(ref reader, PduLimits.Default, out Pdu? pdu), $"{name} prefix of {length} bytes");
            Assert.Null(pdu);
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenPdus.All), MemberType = typeof(GoldenPdus))]
    public void One_byte_segments_parse_to_the_same_pdu(string name, byte[] bytes)
    {
        Pdu contiguous = PduBytes.Parse(bytes);
        Pdu segmented = PduBytes.Parse(SegmentedSequence.Create(bytes, 1));

        Assert.Equal(contiguous.Type, segmented.Type);
        Assert.True(PduBytes.Encode(segmented).AsSpan().SequenceEqual(bytes), name);
    }

    [Theory]
    [MemberData(nameof(GoldenPdus.All), MemberType = typeof(GoldenPdus))]
    public void Every_prefix_of_a_one_byte_segmented_pdu_is_incomplete(string name, byte[] bytes)
    {
        ReadOnlySequence<byte> all = SegmentedSequence.Create(bytes, 1);
        for (int length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(all.Slice(0, length));
            Assert.False(PduReader.TryParse(ref reader, PduLimits.Default, out _), $"{name} prefix of {length} bytes");
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Fact]
    public void Two_pdus_back_to_back_parse_one_at_a_time()
    {
        byte[] both = [.. GoldenPdus.ReleaseRequest, .. GoldenPdus.AssociateAccept];
        var reader = new SequenceReader<byte>(SegmentedSequence.Create(both, 7));

        Assert.True(PduReader.TryParse(ref reader, PduLimits.Default, out Pdu? first));
        Assert.Same(ReleaseRequestPdu.Instance, first);
        Assert.Equal(GoldenPdus.ReleaseRequest.Length, reader.Consumed);
        Assert.True(PduReader.TryParse(ref reader, PduLimits.Default, out Pdu? second));
        Assert.IsType<AssociateAcceptPdu>(second);
        Assert.True(reader.End);
    }

    [Fact]
    public void Data_values_spanning_segments_keep_their_bytes()
    {
        var data = Assert.IsType<DataTransferPdu>(PduBytes.Parse(SegmentedSequence.Create(GoldenPdus.DataTransfer, 3)));

        Assert.Equal(Convert.FromHexString("aabbccdd"), data.Values[0].Data.ToArray());
        Assert.Equal(Convert.FromHexString("eeff"), data.Values[1].Data.ToArray());
    }
}
