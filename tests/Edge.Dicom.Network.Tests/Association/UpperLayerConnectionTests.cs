using System.Buffers;
using System.Net.Sockets;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.StateMachine;
using Edge.Dicom.Network.Tests.Protocol;
using Edge.Dicom.Network.Tests.Support;
using Edge.Dicom.Network.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Dicom.Network.Tests.Association;

/// <summary>The upper layer against a scripted peer: every path here is a row of PS3.8 Table 9-10.</summary>
public sealed class UpperLayerConnectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static UpperLayerConnection Edge(Socket socket, bool requestor, TimeSpan? artim = null, MemoryBudget? budget = null) =>
        new(DicomConnection.FromSocket(socket), requestor, new UpperLayerTimeouts(artim ?? TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)),
            PduLimits.Default, budget, NullLogger.Instance, "test");

    private static async Task<(ScriptedPeer Peer, UpperLayerConnection Edge)> EstablishedAcceptorAsync(MemoryBudget? budget = null)
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        UpperLayerConnection edge = Edge(socket, requestor: false, budget: budget);
        await peer.SendAsync(TestPdus.Request());
        Assert.Equal(IndicationKind.AssociateRequest, (await edge.ReceiveAsync(Wait, default)).Kind);
        await edge.AcceptAsync(TestPdus.Accept(), default);
        await peer.ExpectAsync<AssociateAcceptPdu>();
        return (peer, edge);
    }

    private static async Task<(ScriptedPeer Peer, UpperLayerConnection Edge)> EstablishedRequestorAsync()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        UpperLayerConnection edge = Edge(socket, requestor: true);
        await edge.SendAssociateRequestAsync(TestPdus.Request(), default);
        await peer.ExpectAsync<AssociateRequestPdu>();
        await peer.SendAsync(TestPdus.Accept());
        Assert.Equal(IndicationKind.AssociateAccepted, (await edge.ReceiveAsync(Wait, default)).Kind);
        return (peer, edge);
    }

    [Fact]
    public async Task Acceptor_associates_transfers_data_and_releases()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync();
        await using (peer)
        await using (edge)
        {
            Assert.Equal(AssociationState.Established, edge.State);
            await peer.SendAsync(TestPdus.Data(1, command: true, last: true, 1, 2, 3, 4));
            UpperLayerIndication data = await edge.ReceiveAsync(Wait, default);
            PresentationDataValue pdv = Assert.Single(Assert.IsType<DataTransferPdu>(data.Pdu).Values);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, pdv.Data.ToArray());

            await peer.SendAsync(ReleaseRequestPdu.Instance);
            Assert.Equal(IndicationKind.ReleaseRequested, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(AssociationState.AwaitingLocalReleaseResponse, edge.State);

            Task<UpperLayerIndication?> respond = edge.RespondReleaseAsync(default).AsTask();
            await peer.ExpectExactAsync(GoldenPdus.ReleaseResponse);
            peer.Close();
            Assert.Equal(IndicationKind.Released, (await respond)!.Value.Kind);
            Assert.Equal(AssociationState.Idle, edge.State);
        }
    }

    [Fact]
    public async Task After_a_reject_nothing_more_is_sent_and_the_socket_closes()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using UpperLayerConnection edge = Edge(socket, requestor: false, artim: TimeSpan.FromMilliseconds(300));
        await using (peer)
        {
            await peer.SendAsync(TestPdus.Request());
            Assert.Equal(IndicationKind.AssociateRequest, (await edge.ReceiveAsync(Wait, default)).Kind);

            Task<UpperLayerIndication> reject = edge.RejectAsync(AssociateRejectPdu.Permanent(AssociateRejectReason.CalledAeTitleNotRecognized), default).AsTask();

            // Exactly A-ASSOCIATE-RJ: permanent (1), service user (1), called AE title not recognized (7).
            await peer.ExpectExactAsync([0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x07]);

            // The peer does not close: ARTIM expires and Edge closes without sending anything else.
            await peer.ExpectClosedAsync();
            UpperLayerIndication end = await reject;
            Assert.Equal(IndicationKind.Rejected, end.Kind);
        }
    }

    [Fact]
    public async Task A_request_for_an_unknown_protocol_version_is_rejected_by_the_provider()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using UpperLayerConnection edge = Edge(socket, requestor: false);
        await using (peer)
        {
            await peer.SendAsync(TestPdus.Request(version: 2));
            Task<UpperLayerIndication> receive = edge.ReceiveAsync(Wait, default).AsTask();
            var rj = await peer.ExpectAsync<AssociateRejectPdu>();
            Assert.Equal((AssociateRejectSource.ServiceProviderAcse, (byte)2), (rj.Source, rj.Reason));
            peer.Close();
            Assert.Equal(IndicationKind.Rejected, (await receive).Kind);
        }
    }

    [Fact]
    public async Task Data_before_association_gets_an_abort_then_a_close()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using UpperLayerConnection edge = Edge(socket, requestor: false, artim: TimeSpan.FromMilliseconds(300));
        await using (peer)
        {
            await peer.SendAsync(TestPdus.Data(1, true, true, 0, 0));
            Task<UpperLayerIndication> receive = edge.ReceiveAsync(Wait, default).AsTask();
            await peer.ExpectAsync<AbortPdu>();
            await peer.ExpectClosedAsync();
            Assert.Equal(IndicationKind.ProtocolError, (await receive).Kind);
        }
    }

    [Fact]
    public async Task Garbage_after_association_is_aborted_with_a_provider_reason()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync();
        await using (peer)
        await using (edge)
        {
            await peer.SendAsync([0x04, 0, 0, 0, 0, 8, 0, 0, 0, 4, 1, 0xF3, 0, 0]);
            Task<UpperLayerIndication> receive = edge.ReceiveAsync(Wait, default).AsTask();

            // Exactly A-ABORT: service provider (2), invalid PDU parameter value (6).
            await peer.ExpectExactAsync(GoldenPdus.Abort);
            peer.Close();
            UpperLayerIndication end = await receive;
            Assert.Equal(IndicationKind.ProtocolError, end.Kind);
            Assert.Contains("reserved bits", end.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Abort_in_the_middle_of_a_message_ends_the_association()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync();
        await using (peer)
        await using (edge)
        {
            await peer.SendAsync(TestPdus.Data(1, command: true, last: false, 1, 2));
            Assert.Equal(IndicationKind.Data, (await edge.ReceiveAsync(Wait, default)).Kind);
            await peer.SendAsync(AbortPdu.ServiceUser);
            UpperLayerIndication end = await edge.ReceiveAsync(Wait, default);
            Assert.Equal(IndicationKind.Aborted, end.Kind);
            Assert.Equal(AbortSource.ServiceUser, Assert.IsType<AbortPdu>(end.Pdu).Source);
            await peer.ExpectClosedAsync();
        }
    }

    [Fact]
    public async Task Connection_dropped_mid_pdu_is_reported_and_closed()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync();
        await using (edge)
        {
            byte[] data = TestPdus.Data(1, true, true, 1, 2, 3, 4);
            await peer.SendAsync(data[..8]);
            await peer.DisposeAsync();
            UpperLayerIndication end = await edge.ReceiveAsync(Wait, default);
            Assert.True(end.IsTerminal);
            Assert.Equal(AssociationState.Idle, edge.State);
        }
    }

    [Fact]
    public async Task Silent_peer_is_closed_when_artim_expires_in_sta2()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using UpperLayerConnection edge = Edge(socket, requestor: false);
        await using (peer)
        {
            UpperLayerIndication end = await edge.ReceiveAsync(TimeSpan.FromMilliseconds(200), default);
            Assert.Equal(IndicationKind.TimedOut, end.Kind);
            await peer.ExpectClosedAsync();
        }
    }

    [Fact]
    public async Task Idle_established_association_is_aborted()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync();
        await using (peer)
        await using (edge)
        {
            UpperLayerIndication end = await edge.ReceiveAsync(TimeSpan.FromMilliseconds(200), default);
            Assert.Equal(IndicationKind.TimedOut, end.Kind);
            Assert.Equal(AbortSource.ServiceUser, (await peer.ExpectAsync<AbortPdu>()).Source);
            await peer.ExpectClosedAsync();
        }
    }

    [Fact]
    public async Task Requestor_sees_a_reject_and_closes()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using UpperLayerConnection edge = Edge(socket, requestor: true);
        await using (peer)
        {
            await edge.SendAssociateRequestAsync(TestPdus.Request(), default);
            await peer.ExpectAsync<AssociateRequestPdu>();
            await peer.SendAsync(AssociateRejectPdu.Transient(AssociateRejectReason.LocalLimitExceeded));
            UpperLayerIndication end = await edge.ReceiveAsync(Wait, default);
            Assert.Equal(IndicationKind.Rejected, end.Kind);
            Assert.Equal(AssociateRejectResult.Transient, Assert.IsType<AssociateRejectPdu>(end.Pdu).Result);
            await peer.ExpectClosedAsync();
        }
    }

    [Fact]
    public async Task Release_collision_on_the_requestor_side_follows_sta9_and_sta11()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedRequestorAsync();
        await using (peer)
        await using (edge)
        {
            await edge.RequestReleaseAsync(default);
            await peer.ExpectAsync<ReleaseRequestPdu>();
            await peer.SendAsync(ReleaseRequestPdu.Instance);

            Assert.Equal(IndicationKind.ReleaseCollision, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(AssociationState.CollisionRequestorAwaitingLocalResponse, edge.State);
            Assert.Null(await edge.RespondReleaseAsync(default));
            Assert.Equal(AssociationState.CollisionRequestorAwaitingReleaseResponse, edge.State);
            await peer.ExpectAsync<ReleaseResponsePdu>();

            await peer.SendAsync(ReleaseResponsePdu.Instance);
            Assert.Equal(IndicationKind.Released, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(AssociationState.Idle, edge.State);
            await peer.ExpectClosedAsync();
        }
    }

    [Fact]
    public async Task Release_collision_on_the_acceptor_side_follows_sta10_and_sta12()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync();
        await using (peer)
        await using (edge)
        {
            await edge.RequestReleaseAsync(default);
            await peer.ExpectAsync<ReleaseRequestPdu>();
            await peer.SendAsync(ReleaseRequestPdu.Instance);

            Assert.Equal(IndicationKind.ReleaseCollision, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(AssociationState.CollisionAcceptorAwaitingReleaseResponse, edge.State);
            Assert.Throws<InvalidOperationException>(() => edge.BeginDataRequest());

            // The requestor answers first (its AR-9); the acceptor then confirms and answers (AR-10, AR-4).
            await peer.SendAsync(ReleaseResponsePdu.Instance);
            Assert.Equal(IndicationKind.ReleaseCollisionConfirmed, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(AssociationState.CollisionAcceptorAwaitingLocalResponse, edge.State);
            Task<UpperLayerIndication?> respond = edge.RespondReleaseAsync(default).AsTask();
            await peer.ExpectAsync<ReleaseResponsePdu>();
            peer.Close();
            Assert.Equal(IndicationKind.Released, (await respond)!.Value.Kind);
        }
    }

    [Fact]
    public async Task Data_may_still_arrive_while_awaiting_the_release_response()
    {
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedRequestorAsync();
        await using (peer)
        await using (edge)
        {
            await edge.RequestReleaseAsync(default);
            await peer.ExpectAsync<ReleaseRequestPdu>();
            await peer.SendAsync(TestPdus.Data(1, true, true, 9, 9));
            Assert.Equal(IndicationKind.Data, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(AssociationState.AwaitingReleaseResponse, edge.State);
            await peer.SendAsync(ReleaseResponsePdu.Instance);
            Assert.Equal(IndicationKind.Released, (await edge.ReceiveAsync(Wait, default)).Kind);
        }
    }

    [Fact]
    public async Task Local_primitives_invalid_in_the_state_are_refused()
    {
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using UpperLayerConnection edge = Edge(socket, requestor: false);
        await using (peer)
        {
            Assert.Equal(AssociationState.AwaitingAssociateRequest, edge.State);
            Assert.Throws<InvalidOperationException>(() => edge.BeginDataRequest());
            await Assert.ThrowsAsync<InvalidOperationException>(() => edge.RequestReleaseAsync(default).AsTask());
            await Assert.ThrowsAsync<InvalidOperationException>(() => edge.AcceptAsync(TestPdus.Accept(), default).AsTask());
        }
    }

    [Fact]
    public async Task Pdu_bodies_wait_for_the_shared_budget_and_return_it()
    {
        var budget = new MemoryBudget(64 * 1024);
        (ScriptedPeer peer, UpperLayerConnection edge) = await EstablishedAcceptorAsync(budget);
        await using (peer)
        await using (edge)
        {
            await budget.AcquireAsync(60 * 1024, default);
            byte[] fragment = new byte[8 * 1024];
            await peer.SendAsync(TestPdus.Data(1, false, true, fragment));
            Task<UpperLayerIndication> receive = edge.ReceiveAsync(Wait, default).AsTask();

            await Task.Delay(200);
            Assert.False(receive.IsCompleted, "the PDU must wait until the budget has room");
            budget.Release(60 * 1024);
            Assert.Equal(IndicationKind.Data, (await receive).Kind);
            Assert.Equal(64 * 1024 - (8 * 1024) - 12, budget.Available);

            await peer.SendAsync(ReleaseRequestPdu.Instance);
            Assert.Equal(IndicationKind.ReleaseRequested, (await edge.ReceiveAsync(Wait, default)).Kind);
            Assert.Equal(64 * 1024, budget.Available);
        }
    }
}
