using System.Buffers.Binary;
using System.Net.Sockets;
using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Server;

/// <summary>
/// Peers that break the protocol. Each must end only its own association, cleanly (A-ABORT where one is defined, then
/// a close), with memory bounded; a well-behaved association on the same server keeps working.
/// </summary>
public sealed class HostilePeerTests
{
    /// <summary>Short timers so the tests that wait for them stay quick.</summary>
    private static Task<RunningServer> StartAsync(Action<DicomServerOptions>? configure = null) => RunningServer.StartAsync(o =>
    {
        o.AssociationRequestTimeout = TimeSpan.FromSeconds(1);
        o.DimseTimeout = TimeSpan.FromSeconds(2);
        o.SocketTimeout = TimeSpan.FromSeconds(2);
        configure?.Invoke(o);
    });

    /// <summary>The control: a normal C-ECHO through Edge's own SCU must still succeed.</summary>
    private static async Task AssertStillServesAsync(RunningServer server)
    {
        EchoResult echo = await new DicomClient().EchoAsync(server.Peer(), CancellationToken.None);
        Assert.True(echo.Succeeded);
    }

    private static async Task<ScriptedPeer> AssociatedPeerAsync(RunningServer server)
    {
        ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);
        await peer.SendAsync(DimseTraffic.StorageRequest());
        await peer.ExpectAsync<AssociateAcceptPdu>();
        return peer;
    }

    private static async Task AssertProviderAbortAsync(ScriptedPeer peer, AbortReason reason)
    {
        var abort = await peer.ExpectAsync<AbortPdu>();
        Assert.Equal((AbortSource.ServiceProvider, reason), (abort.Source, abort.Reason));
        await peer.ExpectClosedAsync();
    }

    private static async Task AssertEndedAsync(RunningServer server, AssociationEndReason reason)
    {
        await server.Events.WaitClosedAsync();
        Assert.Equal(reason, server.Events.Closed.Last().EndReason);
    }

    [Fact]
    public async Task Random_bytes_end_only_that_connection()
    {
        await using RunningServer server = await StartAsync();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var random = new Random(3);
        for (int i = 0; i < 8; i++)
        {
            byte[] noise = new byte[random.Next(1, 64 * 1024)];
            random.NextBytes(noise);
            await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);
            await peer.SendAsync(noise);
            await peer.DrainUntilClosedAsync(TimeSpan.FromSeconds(10));
        }

        await server.Events.WaitClosedAsync(8);
        Assert.All(server.Events.Closed, c => Assert.Null(c.Association));
        await AssertStillServesAsync(server);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocated, 0, 64L * 1024 * 1024);
    }

    [Fact]
    public async Task An_http_request_is_answered_with_an_abort_and_a_close()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);

        await peer.SendAsync("GET / HTTP/1.1\r\nHost: edge\r\nUser-Agent: curl/8\r\n\r\n"u8.ToArray());

        await peer.ExpectAsync<AbortPdu>();
        await peer.ExpectClosedAsync();
        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
        await AssertStillServesAsync(server);
    }

    [Fact]
    public async Task A_4_GB_pdu_length_is_refused_from_its_header_without_buffering()
    {
        await using RunningServer server = await StartAsync();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);

        await using (ScriptedPeer before = await ScriptedPeer.ConnectAsync(server.Port))
        {
            await before.SendAsync([0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01]);
            await before.ExpectAsync<AbortPdu>();
            await before.ExpectClosedAsync();
        }

        await using (ScriptedPeer after = await AssociatedPeerAsync(server))
        {
            await after.SendAsync([0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x02]);
            await AssertProviderAbortAsync(after, AbortReason.InvalidPduParameterValue);
        }

        await server.Events.WaitClosedAsync(2);
        Assert.All(server.Events.Closed, c => Assert.Equal(AssociationEndReason.ProtocolError, c.EndReason));
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocated, 0, 32L * 1024 * 1024);
        await AssertStillServesAsync(server);
    }

    [Fact]
    public async Task A_truncated_request_then_close_ends_quietly()
    {
        await using RunningServer server = await StartAsync();
        byte[] request = PduBytes.Encode(DimseTraffic.StorageRequest());
        await using (ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port))
        {
            await peer.SendAsync(request[..(request.Length / 2)]);
            peer.Close();
        }

        await server.Events.WaitClosedAsync();
        Assert.Null(server.Events.Closed.Single().Association);
        await AssertStillServesAsync(server);
    }

    [Fact]
    public async Task A_truncated_request_that_stalls_is_closed_by_the_request_timer()
    {
        await using RunningServer server = await StartAsync();
        byte[] request = PduBytes.Encode(DimseTraffic.StorageRequest());
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);

        await peer.SendAsync(request[..(request.Length - 1)]);

        await peer.ExpectClosedAsync(TimeSpan.FromSeconds(5));
        await AssertEndedAsync(server, AssociationEndReason.TimedOut);
    }

    [Fact]
    public async Task A_request_trickled_byte_by_byte_cannot_outlive_the_request_timer()
    {
        await using RunningServer server = await StartAsync();
        byte[] request = PduBytes.Encode(DimseTraffic.StorageRequest());
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        try
        {
            foreach (byte b in request)
            {
                await peer.SendAsync([b]);
                await Task.Delay(50);
            }
        }
        catch (SocketException)
        {
            // Edge closed on us mid-trickle: that is the point.
        }

        await AssertEndedAsync(server, AssociationEndReason.TimedOut);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 20);
    }

    [Fact]
    public async Task Data_before_association_is_aborted()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);

        await peer.SendAsync(DimseTraffic.Command(1, DimseCommand.EchoRequest(1)));

        await peer.ExpectAsync<AbortPdu>();
        await peer.ExpectClosedAsync();
        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
    }

    [Fact]
    public async Task A_wrong_context_id_is_aborted()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);

        await peer.SendAsync(DimseTraffic.Command(5, DimseCommand.EchoRequest(1)));

        await AssertProviderAbortAsync(peer, AbortReason.InvalidPduParameterValue);
        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
        await AssertStillServesAsync(server);
    }

    [Fact]
    public async Task An_odd_length_fragment_is_aborted()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);
        string file = TestData.Pydicom("CT_small.dcm");
        await peer.SendAsync(DimseTraffic.Command(3, DimseCommand.StoreRequest(1, DimseTraffic.CtImageStorage, "1.2.3")));

        await peer.SendAsync(TestPdus.Data(3, command: false, last: false, DimseTraffic.DataSetOf(file, DicomTransferSyntax.ExplicitVRLittleEndian)[..101]));

        await AssertProviderAbortAsync(peer, AbortReason.InvalidPduParameterValue);
        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Root, ".incoming")));
    }

    [Fact]
    public async Task A_data_set_without_a_command_is_aborted()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);

        await peer.SendAsync(DimseTraffic.DataSet(3, DimseTraffic.DataSetOf(TestData.Pydicom("CT_small.dcm"), DicomTransferSyntax.ExplicitVRLittleEndian)));

        await AssertProviderAbortAsync(peer, AbortReason.UnexpectedPduParameter);
        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
    }

    [Fact]
    public async Task A_command_group_length_that_lies_is_aborted()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);
        byte[] command = CommandSetCodec.Encode(DimseCommand.EchoRequest(1));
        BinaryPrimitives.WriteUInt32LittleEndian(command.AsSpan(8), BinaryPrimitives.ReadUInt32LittleEndian(command.AsSpan(8)) + 20);

        await peer.SendAsync(TestPdus.Data(1, command: true, last: true, command));

        await AssertProviderAbortAsync(peer, AbortReason.InvalidPduParameterValue);
        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
        Assert.Contains("Command Group Length says", server.Events.Closed.Last().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_never_ends_is_bounded()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);
        byte[] chunk = new byte[16000];

        try
        {
            for (int i = 0; i < 10; i++)
            {
                await peer.SendAsync(TestPdus.Data(1, command: true, last: false, chunk));
            }
        }
        catch (SocketException)
        {
        }

        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
        Assert.Contains("CommandTooLarge", server.Events.Closed.Last().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_set_over_the_message_limit_is_aborted_without_filling_the_disk()
    {
        await using RunningServer server = await StartAsync(o => o.MaxMessageBytes = 64 * 1024);
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);
        await peer.SendAsync(DimseTraffic.Command(3, DimseCommand.StoreRequest(1, DimseTraffic.CtImageStorage, "1.2.3")));

        try
        {
            for (int i = 0; i < 10; i++)
            {
                await peer.SendAsync(TestPdus.Data(3, command: false, last: false, new byte[16000]));
            }
        }
        catch (SocketException)
        {
        }

        await AssertEndedAsync(server, AssociationEndReason.ProtocolError);
        Assert.Contains("MessageTooLarge", server.Events.Closed.Last().Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Root, ".incoming")));
    }

    [Fact]
    public async Task Fifty_idle_sockets_are_closed_by_timers_while_others_are_served()
    {
        await using RunningServer server = await StartAsync(o => o.AssociationRequestTimeout = TimeSpan.FromSeconds(3));
        var idle = new List<ScriptedPeer>();
        try
        {
            for (int i = 0; i < 50; i++)
            {
                idle.Add(await ScriptedPeer.ConnectAsync(server.Port));
            }

            for (int i = 0; i < 3; i++)
            {
                await AssertStillServesAsync(server);
            }

            Assert.True(server.Server.OpenConnections >= 50, $"{server.Server.OpenConnections} open");
            await Task.WhenAll(idle.Select(p => p.ExpectClosedAsync(TimeSpan.FromSeconds(30))));
            await server.Events.WaitClosedAsync(53);
            Assert.Equal(50, server.Events.Closed.Count(c => c.EndReason == AssociationEndReason.TimedOut));
            Assert.Equal(0, server.Server.OpenConnections);
        }
        finally
        {
            foreach (ScriptedPeer peer in idle)
            {
                await peer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_idle_established_association_is_aborted_by_the_dimse_timer()
    {
        await using RunningServer server = await StartAsync();
        await using ScriptedPeer peer = await AssociatedPeerAsync(server);

        var abort = await peer.ExpectAsync<AbortPdu>(TimeSpan.FromSeconds(10));

        Assert.Equal(AbortSource.ServiceUser, abort.Source);
        await AssertEndedAsync(server, AssociationEndReason.TimedOut);
    }
}
