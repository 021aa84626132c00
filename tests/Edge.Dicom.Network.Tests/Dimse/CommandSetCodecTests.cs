using System.Buffers;
using System.Buffers.Binary;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Tests.Dimse;

public sealed class CommandSetCodecTests
{
    /// <summary>C-ECHO-RQ, message id 1, laid out element by element in Implicit VR Little Endian (PS3.7 §9.3.5).</summary>
    private static readonly byte[] EchoRequest = Convert.FromHexString(
        "00000000" + "04000000" + "38000000" // (0000,0000) UL 56
        + "00000200" + "12000000" + "312e322e3834302e31303030382e312e3100" // (0000,0002) UI 1.2.840.10008.1.1 + NUL pad
        + "00000001" + "02000000" + "3000" // (0000,0100) US 0030
        + "00001001" + "02000000" + "0100" // (0000,0110) US 1
        + "00000008" + "02000000" + "0101"); // (0000,0800) US 0101: no data set

    private static DimseCommand Decode(byte[] bytes) => CommandSetCodec.Decode(new ReadOnlySequence<byte>(bytes));

    private static ProtocolError DecodeError(byte[] bytes) => Assert.Throws<DicomProtocolException>(() => Decode(bytes)).Error;

    [Fact]
    public void Echo_request_encodes_to_the_golden_bytes()
    {
        Assert.Equal(EchoRequest, CommandSetCodec.Encode(DimseCommand.EchoRequest(1)));
    }

    [Fact]
    public void Echo_request_decodes_from_the_golden_bytes()
    {
        DimseCommand command = Decode(EchoRequest);

        Assert.Equal((DimseCommandField.CEchoRequest, (ushort?)1, "1.2.840.10008.1.1", false),
            (command.CommandField, command.MessageId, command.AffectedSopClassUid, command.HasDataSet));
    }

    [Fact]
    public void Store_request_and_response_round_trip()
    {
        DimseCommand request = DimseCommand.StoreRequest(513, "1.2.840.10008.5.1.4.1.1.2", "1.2.3.4.5", priority: 2);
        DimseCommand decoded = Decode(CommandSetCodec.Encode(request));
        Assert.Equal((request.CommandField, request.MessageId, request.AffectedSopClassUid, request.AffectedSopInstanceUid, request.Priority, true),
            (decoded.CommandField, decoded.MessageId, decoded.AffectedSopClassUid, decoded.AffectedSopInstanceUid, decoded.Priority, decoded.HasDataSet));

        DimseCommand response = Decode(CommandSetCodec.Encode(DimseCommand.ResponseTo(decoded, DimseStatus.DataSetDoesNotMatchSopClass, "mismatch")));
        Assert.Equal((DimseCommandField.CStoreResponse, (ushort?)513, (ushort?)0xA900, "mismatch", "1.2.3.4.5", false),
            (response.CommandField, response.MessageIdBeingRespondedTo, response.Status, response.ErrorComment, response.AffectedSopInstanceUid, response.HasDataSet));
    }

    [Fact]
    public void Group_length_counts_exactly_the_bytes_after_it()
    {
        byte[] bytes = CommandSetCodec.Encode(DimseCommand.StoreRequest(1, "1.2.840.10008.5.1.4.1.1.2", "1.2.3"));

        Assert.Equal((uint)(bytes.Length - 12), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(0, bytes.Length % 2);
    }

    [Fact]
    public void Error_comments_are_cut_to_64_characters_of_LO()
    {
        DimseCommand response = DimseCommand.ResponseTo(DimseCommand.EchoRequest(1), DimseStatus.CannotUnderstand, new string('x', 100) + "\\\n");

        Assert.Equal(64, response.ErrorComment!.Length);
        Assert.Equal(64, Decode(CommandSetCodec.Encode(response)).ErrorComment!.Length);
    }

    [Fact]
    public void A_group_length_that_lies_is_refused()
    {
        byte[] bytes = (byte[])EchoRequest.Clone();
        bytes[8] = 0x3A;

        Assert.Equal(ProtocolError.CommandGroupLengthMismatch, DecodeError(bytes));
    }

    [Fact]
    public void A_command_without_group_length_is_refused()
    {
        Assert.Equal(ProtocolError.MalformedCommand, DecodeError(EchoRequest[12..]));
    }

    [Fact]
    public void A_command_without_command_field_is_refused()
    {
        byte[] bytes = [.. EchoRequest[..12], .. EchoRequest[12..38], .. EchoRequest[48..]];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)(bytes.Length - 12));

        Assert.Equal(ProtocolError.MalformedCommand, DecodeError(bytes));
    }

    [Fact]
    public void Elements_outside_group_0000_are_refused()
    {
        byte[] extra = Convert.FromHexString("08001800" + "04000000" + "312e3200");
        byte[] bytes = [.. EchoRequest, .. extra];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)(bytes.Length - 12));

        Assert.Equal(ProtocolError.MalformedCommand, DecodeError(bytes));
    }

    [Fact]
    public void Odd_truncated_and_garbage_commands_are_protocol_errors()
    {
        Assert.Equal(ProtocolError.MalformedCommand, DecodeError(EchoRequest[..^1]));
        Assert.Equal(ProtocolError.MalformedCommand, DecodeError(EchoRequest[..^2]));
        Assert.Equal(ProtocolError.MalformedCommand, DecodeError([0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0]));
    }
}
