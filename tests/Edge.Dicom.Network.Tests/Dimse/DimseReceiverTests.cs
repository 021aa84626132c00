using System.Buffers;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Tests.Dimse;

public sealed class DimseReceiverTests
{
    private static readonly Dictionary<byte, PresentationContext> Contexts = new()
    {
        [1] = new PresentationContext(1, "1.2.840.10008.5.1.4.1.1.2", DicomTransferSyntax.ImplicitVRLittleEndian),
        [3] = new PresentationContext(3, "1.2.840.10008.5.1.4.1.1.2", DicomTransferSyntax.ExplicitVRLittleEndian),
    };

    private static PresentationDataValue Pdv(byte context, bool command, bool last, byte[] data) => new(context, command, last, new ReadOnlySequence<byte>(data));

    private static ProtocolError Error(DimseReceiver receiver, PresentationDataValue pdv) =>
        Assert.Throws<DicomProtocolException>(() => receiver.Process(pdv)).Error;

    private static byte[] StoreCommand => CommandSetCodec.Encode(DimseCommand.StoreRequest(1, "1.2.840.10008.5.1.4.1.1.2", "1.2.3"));

    [Fact]
    public void A_command_split_in_fragments_is_reassembled_and_its_data_set_follows_on_its_context()
    {
        var receiver = new DimseReceiver(Contexts, 1024);
        byte[] command = StoreCommand;

        Assert.Equal(DimseReceiveKind.Pending, receiver.Process(Pdv(3, true, false, command[..20])).Kind);
        Assert.True(receiver.InMessage);
        DimseReceiveResult done = receiver.Process(Pdv(3, true, true, command[20..]));
        Assert.Equal((DimseReceiveKind.Command, (byte)3), (done.Kind, done.Context!.Id));
        Assert.Equal("1.2.3", done.Command!.AffectedSopInstanceUid);

        receiver.ExpectDataSet(done.Context);
        DimseReceiveResult part = receiver.Process(Pdv(3, false, false, [1, 2, 3, 4]));
        DimseReceiveResult last = receiver.Process(Pdv(3, false, true, [5, 6]));
        Assert.Equal((DimseReceiveKind.DataSetFragment, false), (part.Kind, part.IsLastFragment));
        Assert.Equal((DimseReceiveKind.DataSetFragment, true), (last.Kind, last.IsLastFragment));
        Assert.Equal(6, receiver.DataSetLength);
        Assert.False(receiver.InMessage);
    }

    [Fact]
    public void Unknown_context_is_refused()
    {
        Assert.Equal(ProtocolError.UnknownPresentationContext, Error(new DimseReceiver(Contexts, 1024), Pdv(5, true, true, StoreCommand)));
    }

    [Fact]
    public void Odd_fragments_are_refused()
    {
        Assert.Equal(ProtocolError.OddLengthFragment, Error(new DimseReceiver(Contexts, 1024), Pdv(1, true, false, [1, 2, 3])));
    }

    [Fact]
    public void Data_set_without_command_is_refused()
    {
        Assert.Equal(ProtocolError.DataWithoutCommand, Error(new DimseReceiver(Contexts, 1024), Pdv(1, false, true, [1, 2])));
    }

    [Fact]
    public void Command_fragments_on_two_contexts_are_refused()
    {
        var receiver = new DimseReceiver(Contexts, 1024);
        receiver.Process(Pdv(1, true, false, StoreCommand[..20]));

        Assert.Equal(ProtocolError.InterleavedFragments, Error(receiver, Pdv(3, true, true, StoreCommand[20..])));
    }

    [Fact]
    public void Data_set_on_another_context_than_its_command_is_refused()
    {
        var receiver = new DimseReceiver(Contexts, 1024);
        DimseReceiveResult command = receiver.Process(Pdv(1, true, true, StoreCommand));
        receiver.ExpectDataSet(command.Context!);

        Assert.Equal(ProtocolError.InterleavedFragments, Error(receiver, Pdv(3, false, true, [1, 2])));
    }

    [Fact]
    public void A_new_command_while_a_data_set_is_due_is_refused()
    {
        var receiver = new DimseReceiver(Contexts, 1024);
        receiver.ExpectDataSet(receiver.Process(Pdv(1, true, true, StoreCommand)).Context!);

        Assert.Equal(ProtocolError.InterleavedFragments, Error(receiver, Pdv(1, true, true, StoreCommand)));
    }

    [Fact]
    public void Data_sets_over_the_message_limit_are_refused()
    {
        var receiver = new DimseReceiver(Contexts, 8);
        receiver.ExpectDataSet(receiver.Process(Pdv(1, true, true, StoreCommand)).Context!);
        receiver.Process(Pdv(1, false, false, new byte[8]));

        Assert.Equal(ProtocolError.MessageTooLarge, Error(receiver, Pdv(1, false, true, new byte[2])));
    }

    [Fact]
    public void Commands_over_64_KiB_are_refused_before_they_are_buffered()
    {
        var receiver = new DimseReceiver(Contexts, 1024);
        receiver.Process(Pdv(1, true, false, new byte[CommandSetCodec.MaxCommandLength - 2]));

        Assert.Equal(ProtocolError.CommandTooLarge, Error(receiver, Pdv(1, true, false, new byte[4])));
    }
}
