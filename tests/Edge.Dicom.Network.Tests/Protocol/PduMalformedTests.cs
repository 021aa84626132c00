using System.Buffers;
using System.Buffers.Binary;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Tests.Protocol;

public sealed class PduMalformedTests
{
    private static ProtocolError ParseError(byte[] bytes, PduLimits? limits = null)
    {
        var ex = Assert.Throws<DicomProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            PduReader.TryParse(ref reader, limits ?? PduLimits.Default, out _);
        });
        return ex.Error;
    }

    private static byte[] Patch(byte[] source, int offset, params byte[] bytes)
    {
        byte[] copy = (byte[])source.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    [Fact]
    public void An_http_request_is_an_unknown_pdu_type()
    {
        Assert.Equal(ProtocolError.UnknownPduType, ParseError("GET / HTTP/1.1\r\nHost: edge\r\n\r\n"u8.ToArray()));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x08)]
    [InlineData(0xFF)]
    public void Unknown_pdu_types_are_refused_from_the_header_alone(byte type)
    {
        Assert.Equal(ProtocolError.UnknownPduType, ParseError([type, 0, 0, 0, 0, 4]));
    }

    [Fact]
    public void A_4_GB_length_is_refused_before_any_body_arrives()
    {
        // Only the 6 header bytes exist: the limit check must not wait for (or allocate) 4 GB.
        Assert.Equal(ProtocolError.PduTooLarge, ParseError([0x04, 0, 0xFF, 0xFF, 0xFF, 0xFF]));
        Assert.Equal(ProtocolError.PduTooLarge, ParseError([0x01, 0, 0xFF, 0xFF, 0xFF, 0xFF]));
    }

    [Fact]
    public void Data_pdu_one_byte_over_the_advertised_maximum_is_refused()
    {
        var limits = new PduLimits { MaxDataPduLength = 16 };
        byte[] header = [0x04, 0, 0, 0, 0, 17];

        Assert.Equal(ProtocolError.PduTooLarge, ParseError(header, limits));
        var ok = new SequenceReader<byte>(new ReadOnlySequence<byte>([0x04, 0, 0, 0, 0, 16]));
        Assert.False(PduReader.TryParse(ref ok, limits, out _));
    }

    [Theory]
    [InlineData(0x05, 5)]
    [InlineData(0x06, 0)]
    [InlineData(0x07, 8)]
    [InlineData(0x03, 3)]
    public void Fixed_size_pdus_with_another_length_are_invalid(byte type, byte length)
    {
        Assert.Equal(ProtocolError.InvalidPduLength, ParseError([type, 0, 0, 0, 0, length, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void Associate_body_shorter_than_its_fixed_fields_is_invalid()
    {
        byte[] bytes = new byte[6 + 40];
        bytes[0] = 1;
        bytes[5] = 40;

        Assert.Equal(ProtocolError.InvalidPduLength, ParseError(bytes));
    }

    [Fact]
    public void Item_length_overrunning_the_pdu_is_refused()
    {
        // The application context item (offset 74) claims 0x7FFF bytes.
        Assert.Equal(ProtocolError.ItemOverrunsContainer, ParseError(Patch(GoldenPdus.AssociateRequest, 76, 0x7F, 0xFF)));
    }

    [Fact]
    public void Sub_item_length_overrunning_its_presentation_context_is_refused()
    {
        // Abstract syntax sub-item of context 1 (its length at offset 109) claims more than its context holds.
        Assert.Equal(ProtocolError.ItemOverrunsContainer, ParseError(Patch(GoldenPdus.AssociateRequest, 109, 0x00, 0x60)));
    }

    [Fact]
    public void Even_presentation_context_id_is_refused()
    {
        Assert.Equal(ProtocolError.InvalidPresentationContextId, ParseError(Patch(GoldenPdus.AssociateRequest, 103, 2)));
    }

    [Fact]
    public void Duplicate_presentation_context_id_is_refused()
    {
        Assert.Equal(ProtocolError.DuplicateItem, ParseError(Patch(GoldenPdus.AssociateRequest, 176, 1)));
    }

    [Fact]
    public void Unknown_item_type_is_refused()
    {
        Assert.Equal(ProtocolError.UnknownItemType, ParseError(Patch(GoldenPdus.AssociateRequest, 74, 0x11)));
    }

    [Fact]
    public void Missing_application_context_is_refused()
    {
        Assert.Equal(ProtocolError.MissingItem, ParseError(BuildRequestWithUserInformation([0x51, 0, 0, 4, 0, 0, 0x40, 0], withApplicationContext: false)));
    }

    [Fact]
    public void Maximum_length_sub_item_of_the_wrong_size_is_refused()
    {
        byte[] bytes = BuildRequestWithUserInformation([0x51, 0, 0, 3, 0, 0, 1]);

        Assert.Equal(ProtocolError.InvalidItemLength, ParseError(bytes));
    }

    [Fact]
    public void Role_selection_uid_length_overrunning_its_sub_item_is_refused()
    {
        byte[] bytes = BuildRequestWithUserInformation([0x54, 0, 0, 6, 0, 40, (byte)'1', (byte)'.', 1, 0]);

        Assert.Equal(ProtocolError.ItemOverrunsContainer, ParseError(bytes));
    }

    [Fact]
    public void Unknown_user_information_sub_items_are_kept_not_fatal()
    {
        byte[] bytes = BuildRequestWithUserInformation([0x51, 0, 0, 4, 0, 0, 0x40, 0, 0x59, 0, 0, 2, 0xAB, 0xCD, 0x7E, 0, 0, 0]);

        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        Assert.True(PduReader.TryParse(ref reader, PduLimits.Default, out Pdu? pdu));
        var rq = Assert.IsType<AssociateRequestPdu>(pdu);
        Assert.Equal(16384u, rq.UserInformation.MaximumLength);
        Assert.Equal([0x59, 0x7E], rq.UserInformation.OtherSubItems.Select(s => s.ItemType));
    }

    [Fact]
    public void Uid_longer_than_64_characters_is_refused()
    {
        string uid = "1." + new string('2', 70);
        byte[] item = [0x10, 0, 0, (byte)uid.Length, .. System.Text.Encoding.ASCII.GetBytes(uid)];
        byte[] body = new byte[68 + item.Length];
        body[1] = 1;
        item.CopyTo(body, 68);
        byte[] pdu = [0x01, 0, 0, 0, 0, (byte)body.Length, .. body];

        Assert.Equal(ProtocolError.InvalidItemValue, ParseError(pdu));
    }

    [Fact]
    public void Pdv_item_shorter_than_its_header_is_refused()
    {
        Assert.Equal(ProtocolError.ItemOverrunsContainer, ParseError([0x04, 0, 0, 0, 0, 6, 0, 0, 0, 1, 1, 3]));
    }

    [Fact]
    public void Pdv_item_longer_than_its_pdu_is_refused()
    {
        Assert.Equal(ProtocolError.ItemOverrunsContainer, ParseError([0x04, 0, 0, 0, 0, 8, 0, 0, 0, 9, 1, 3, 0, 0]));
    }

    [Fact]
    public void Pdv_control_header_with_reserved_bits_is_refused()
    {
        Assert.Equal(ProtocolError.InvalidItemValue, ParseError([0x04, 0, 0, 0, 0, 8, 0, 0, 0, 4, 1, 0x07, 0, 0]));
    }

    [Fact]
    public void Empty_data_pdu_is_refused()
    {
        Assert.Equal(ProtocolError.MissingItem, ParseError([0x04, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void Mutated_pdus_only_ever_raise_the_protocol_exception()
    {
        var random = new Random(20260327);
        byte[][] seeds = [.. GoldenPdus.All().Select(o => (byte[])o[1])];
        for (int i = 0; i < 20_000; i++)
        {
            byte[] input = (byte[])seeds[random.Next(seeds.Length)].Clone();
            int mutations = random.Next(1, 4);
            for (int m = 0; m < mutations; m++)
            {
                switch (random.Next(3))
                {
                    case 0:
                        input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        input[random.Next(input.Length)] = (byte)random.Next(256);
                        break;
                    default:
                        int at = random.Next(Math.Max(1, input.Length - 1));
                        BinaryPrimitives.WriteUInt16BigEndian(input.AsSpan(at), (ushort)random.Next(65536));
                        break;
                }
            }

            if (random.Next(4) == 0)
            {
                Array.Resize(ref input, random.Next(input.Length));
            }

            try
            {
                var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));
                if (PduReader.TryParse(ref reader, PduLimits.Default, out Pdu? pdu))
                {
                    Assert.NotNull(pdu);
                }
                else
                {
                    Assert.Equal(0, reader.Consumed);
                }
            }
            catch (DicomProtocolException)
            {
            }
        }
    }

    private static byte[] BuildRequestWithUserInformation(byte[] subItems, bool withApplicationContext = true)
    {
        byte[] app = withApplicationContext ? [0x10, 0, 0, 21, .. "1.2.840.10008.3.1.1.1"u8] : [];
        byte[] ui = [0x50, 0, (byte)(subItems.Length >> 8), (byte)subItems.Length, .. subItems];
        byte[] body = new byte[68 + app.Length + ui.Length];
        body[1] = 1;
        app.CopyTo(body, 68);
        ui.CopyTo(body, 68 + app.Length);
        return [0x01, 0, 0, 0, (byte)(body.Length >> 8), (byte)body.Length, .. body];
    }
}
