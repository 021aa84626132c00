using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Server;

/// <summary>DIMSE behaviour of the SCP: statuses, fragments, contexts, duplicates and the disk.</summary>
public sealed class ScpDimseTests
{
    private static readonly DicomTransferSyntax Explicit = DicomTransferSyntax.ExplicitVRLittleEndian;

    private static async Task<ScriptedPeer> AssociateAsync(RunningServer server, AssociateRequestPdu? request = null)
    {
        ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);
        await peer.SendAsync(request ?? DimseTraffic.StorageRequest());
        await peer.ExpectAsync<AssociateAcceptPdu>();
        return peer;
    }

    private static async Task<DimseCommand> StoreAsync(ScriptedPeer peer, DimseCommand command, byte[] dataSet, byte contextId = 3)
    {
        await peer.SendAsync(DimseTraffic.Command(contextId, command));
        await peer.SendAsync(DimseTraffic.DataSet(contextId, dataSet));
        return await DimseTraffic.ExpectCommandAsync(peer);
    }

    private static async Task ReleaseAsync(RunningServer server, ScriptedPeer peer)
    {
        await peer.SendAsync(ReleaseRequestPdu.Instance);
        await peer.ExpectAsync<ReleaseResponsePdu>();
        peer.Close();
        await server.Events.WaitClosedAsync();
    }

    private static string SopOf(string path) => DicomFile.Open(path, DicomReadOptions.HeaderOnly).Dataset.GetString(DicomTags.SOPInstanceUID)!;

    [Fact]
    public async Task Echo_answers_success_to_the_message_id()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);

        await peer.SendAsync(DimseTraffic.Command(1, DimseCommand.EchoRequest(4242)));
        DimseCommand response = await DimseTraffic.ExpectCommandAsync(peer);

        Assert.Equal((DimseCommandField.CEchoResponse, (ushort?)4242, (ushort?)0, false),
            (response.CommandField, response.MessageIdBeingRespondedTo, response.Status, response.HasDataSet));
        await ReleaseAsync(server, peer);
    }

    [Fact]
    public async Task Same_abstract_syntax_in_several_contexts_each_decoded_with_its_own_syntax()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        using var temp = new TempDirectory();
        string[] files = [.. await TestData.CtSeriesAsync(temp.Sub("e"), 2, 32, "explicit"), .. await TestData.CtSeriesAsync(temp.Sub("i"), 2, 32, "implicit")];

        IReadOnlyList<StoreResult> results = await new DicomClient().SendAsync(server.Peer(), files, null, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(StoreResultKind.Stored, r.Kind));
        AssociationInfo info = Assert.Single(server.Events.Opened);
        foreach (string file in files)
        {
            StoredInstance stored = server.Events.Stored.Single(s => s.SopInstanceUid == SopOf(file));
            Assert.Equal(DicomFile.Open(file, DicomReadOptions.HeaderOnly).TransferSyntax.Uid, stored.TransferSyntaxUid);
            DicomAssert.SamePixels(file, stored.Path);
        }

        Assert.Equal(info.Id, server.Events.Stored.Select(s => s.AssociationId).Distinct().Single());
    }

    [Fact]
    public async Task Data_set_in_many_small_fragments_across_pdus_is_reassembled()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);
        string file = TestData.Pydicom("CT_small.dcm");
        byte[] dataSet = DimseTraffic.DataSetOf(file, Explicit);
        await peer.SendAsync(DimseTraffic.Command(3, DimseCommand.StoreRequest(1, DimseTraffic.CtImageStorage, SopOf(file))));

        for (int offset = 0; offset < dataSet.Length; offset += 1000)
        {
            int length = Math.Min(1000, dataSet.Length - offset);
            await peer.SendAsync(TestPdus.Data(3, command: false, last: offset + length == dataSet.Length, dataSet[offset..(offset + length)]));
        }

        Assert.Equal((ushort?)DimseStatus.Success, (await DimseTraffic.ExpectCommandAsync(peer)).Status);
        DicomAssert.SamePixels(file, Assert.Single(server.Events.Stored).Path);
        await ReleaseAsync(server, peer);
    }

    [Fact]
    public async Task Data_set_that_names_another_instance_gets_A900_with_a_short_comment()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);
        string file = TestData.Pydicom("CT_small.dcm");

        DimseCommand response = await StoreAsync(peer, DimseCommand.StoreRequest(7, DimseTraffic.CtImageStorage, "1.2.3.4.5.6.7"), DimseTraffic.DataSetOf(file, Explicit));

        Assert.Equal((ushort?)DimseStatus.DataSetDoesNotMatchSopClass, response.Status);
        Assert.Equal((ushort?)7, response.MessageIdBeingRespondedTo);
        Assert.InRange(response.ErrorComment!.Length, 1, 64);
        Assert.Empty(server.Events.Stored);
        Assert.Empty(server.StoredFiles());
        await ReleaseAsync(server, peer);
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Root, InstanceStore.IncomingDirectoryName)));
        Assert.Equal(1, server.Events.Closed.Single().InstancesFailed);
    }

    [Fact]
    public async Task Data_set_of_another_sop_class_gets_A900()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);
        string file = TestData.Pydicom("MR_small.dcm");

        DimseCommand response = await StoreAsync(peer, DimseCommand.StoreRequest(1, DimseTraffic.CtImageStorage, SopOf(file)), DimseTraffic.DataSetOf(file, Explicit));

        Assert.Equal((ushort?)DimseStatus.DataSetDoesNotMatchSopClass, response.Status);
        await ReleaseAsync(server, peer);
    }

    [Fact]
    public async Task Store_on_a_context_of_another_sop_class_gets_0122()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);
        string file = TestData.Pydicom("MR_small.dcm");

        DimseCommand response = await StoreAsync(peer, DimseCommand.StoreRequest(1, "1.2.840.10008.5.1.4.1.1.4", SopOf(file)), DimseTraffic.DataSetOf(file, Explicit));

        Assert.Equal((ushort?)DimseStatus.SopClassNotSupported, response.Status);
        Assert.Empty(server.StoredFiles());
        await ReleaseAsync(server, peer);
    }

    [Fact]
    public async Task Unparseable_data_set_gets_C000_and_leaves_nothing_behind()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);
        byte[] garbage = [0x08, 0x00, 0x16, 0x00, (byte)'U', (byte)'I', 0xFF, 0x7F, 1, 2, 3, 4];

        DimseCommand response = await StoreAsync(peer, DimseCommand.StoreRequest(1, DimseTraffic.CtImageStorage, "1.2.3"), garbage);

        Assert.Equal((ushort?)DimseStatus.CannotUnderstand, response.Status);
        await ReleaseAsync(server, peer);
        Assert.Empty(server.StoredFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Root, InstanceStore.IncomingDirectoryName)));
    }

    [Fact]
    public async Task Unsupported_operation_gets_0211_after_its_data_set()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        await using ScriptedPeer peer = await AssociateAsync(server);
        var find = new DimseCommand
        {
            CommandField = DimseCommandField.CFindRequest,
            MessageId = 9,
            AffectedSopClassUid = DimseTraffic.CtImageStorage,
            Priority = 0,
            HasDataSet = true,
        };

        DimseCommand response = await StoreAsync(peer, find, DimseTraffic.DataSetOf(TestData.Pydicom("CT_small.dcm"), Explicit));

        Assert.Equal((DimseCommandField.CFindResponse, (ushort?)DimseStatus.UnrecognizedOperation), (response.CommandField, response.Status));
        await ReleaseAsync(server, peer);
    }

    [Fact]
    public async Task Low_disk_during_an_association_gets_A700()
    {
        long free = long.MaxValue;
        await using RunningServer server = await RunningServer.StartAsync(o => o.MinimumFreeDiskBytes = 1000, _ => Volatile.Read(ref free));
        await using ScriptedPeer peer = await AssociateAsync(server);
        string file = TestData.Pydicom("CT_small.dcm");
        Volatile.Write(ref free, 10);
        await Task.Delay(1100); // past the one-second cache of the free-space answer

        DimseCommand response = await StoreAsync(peer, DimseCommand.StoreRequest(1, DimseTraffic.CtImageStorage, SopOf(file)), DimseTraffic.DataSetOf(file, Explicit));

        Assert.Equal((ushort?)DimseStatus.OutOfResources, response.Status);
        Assert.Empty(server.StoredFiles());
        await ReleaseAsync(server, peer);
    }

    [Theory]
    [InlineData(DuplicatePolicy.Overwrite, StoreResultKind.Stored, 2)]
    [InlineData(DuplicatePolicy.KeepFirst, StoreResultKind.Stored, 1)]
    [InlineData(DuplicatePolicy.Reject, StoreResultKind.Failed, 1)]
    public async Task Duplicates_follow_the_policy(DuplicatePolicy policy, StoreResultKind second, int events)
    {
        await using RunningServer server = await RunningServer.StartAsync(o => o.DuplicatePolicy = policy);
        string file = TestData.Pydicom("CT_small.dcm");
        var client = new DicomClient();

        StoreResult first = Assert.Single(await client.SendAsync(server.Peer(), [file], null, CancellationToken.None));
        DateTime written = File.GetLastWriteTimeUtc(server.Events.Stored.Single().Path);
        await Task.Delay(20);
        StoreResult again = Assert.Single(await client.SendAsync(server.Peer(), [file], null, CancellationToken.None));

        Assert.Equal(StoreResultKind.Stored, first.Kind);
        Assert.Equal(second, again.Kind);
        Assert.Equal(events, server.Events.Stored.Count);
        Assert.Single(server.StoredFiles());
        if (policy == DuplicatePolicy.Overwrite)
        {
            Assert.True(server.Events.Stored.Last().ReplacedExisting);
        }
        else
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(server.StoredFiles()[0]));
        }

        if (policy == DuplicatePolicy.Reject)
        {
            Assert.Equal((ushort?)DimseStatus.DuplicateSopInstance, again.Status);
        }
    }
}
