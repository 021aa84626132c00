using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Server;

/// <summary>Association-level policy of the SCP: AE titles, capacity, disk, and what the A-ASSOCIATE-AC says.</summary>
public sealed class ScpAssociationPolicyTests
{
    private static async Task<Pdu> RequestAsync(RunningServer server, AssociateRequestPdu request)
    {
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Port);
        await peer.SendAsync(request);
        Pdu answer = await peer.ExpectPduAsync();
        if (answer is AssociateAcceptPdu)
        {
            await peer.SendAsync(ReleaseRequestPdu.Instance);
            await peer.ExpectAsync<ReleaseResponsePdu>();
        }
        else
        {
            // After A-ASSOCIATE-RJ nothing else is sent: the next thing is the close.
            await peer.ExpectClosedAsync();
        }

        await server.Events.WaitClosedAsync();
        return answer;
    }

    private static void AssertRejected(Pdu answer, AssociateRejectResult result, AssociateRejectReason reason)
    {
        var rj = Assert.IsType<AssociateRejectPdu>(answer);
        Assert.Equal((result, reason.Source(), reason.Code()), (rj.Result, rj.Source, rj.Reason));
    }

    [Theory]
    [InlineData("EDGE", true)]
    [InlineData(" EDGE  ", true)]
    [InlineData("edge", false)]
    [InlineData("EDGE2", false)]
    [InlineData("ED GE", false)]
    public async Task Called_ae_must_match_after_trimming_spaces_only(string called, bool accepted)
    {
        await using RunningServer server = await RunningServer.StartAsync();

        Pdu answer = await RequestAsync(server, DimseTraffic.StorageRequest(called: called));

        if (accepted)
        {
            Assert.IsType<AssociateAcceptPdu>(answer);
        }
        else
        {
            AssertRejected(answer, AssociateRejectResult.Permanent, AssociateRejectReason.CalledAeTitleNotRecognized);
            Assert.Equal(AssociationEndReason.Rejected, Assert.Single(server.Events.Closed).EndReason);
        }
    }

    [Fact]
    public async Task Called_ae_check_can_be_switched_off()
    {
        await using RunningServer server = await RunningServer.StartAsync(o => o.RequireCalledAeTitle = false);

        Assert.IsType<AssociateAcceptPdu>(await RequestAsync(server, DimseTraffic.StorageRequest(called: "ANYTHING")));
    }

    [Theory]
    [InlineData("SCANNER", "SCANNER", true)]
    [InlineData("SCANNER@127.0.0.1", "SCANNER", true)]
    [InlineData("SCANNER@localhost", "SCANNER", true)]
    [InlineData("SCANNER@10.20.30.40", "SCANNER", false)]
    [InlineData("SCANNER", "OTHER", false)]
    [InlineData("SCANNER", "scanner", false)]
    public async Task Calling_ae_allow_list_with_optional_host(string entry, string calling, bool accepted)
    {
        await using RunningServer server = await RunningServer.StartAsync(o => o.AllowedCallingAeTitles = [entry]);

        Pdu answer = await RequestAsync(server, DimseTraffic.StorageRequest(calling: calling));

        if (accepted)
        {
            Assert.IsType<AssociateAcceptPdu>(answer);
        }
        else
        {
            AssertRejected(answer, AssociateRejectResult.Permanent, AssociateRejectReason.CallingAeTitleNotRecognized);
        }
    }

    [Fact]
    public async Task Wrong_application_context_is_rejected_with_reason_2()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        AssociateRequestPdu rq = DimseTraffic.StorageRequest();

        Pdu answer = await RequestAsync(server, new AssociateRequestPdu
        {
            CalledAeTitle = rq.CalledAeTitle,
            CallingAeTitle = rq.CallingAeTitle,
            ApplicationContextName = "1.2.3.4.5",
            PresentationContexts = rq.PresentationContexts,
            UserInformation = rq.UserInformation,
        });

        AssertRejected(answer, AssociateRejectResult.Permanent, AssociateRejectReason.ApplicationContextNameNotSupported);
    }

    [Fact]
    public async Task At_the_association_limit_new_requests_get_a_transient_reject_and_accepting_continues()
    {
        await using RunningServer server = await RunningServer.StartAsync(o => o.MaxAssociations = 2);
        await using ScriptedPeer first = await ScriptedPeer.ConnectAsync(server.Port);
        await using ScriptedPeer second = await ScriptedPeer.ConnectAsync(server.Port);
        foreach (ScriptedPeer peer in new[] { first, second })
        {
            await peer.SendAsync(DimseTraffic.StorageRequest());
            await peer.ExpectAsync<AssociateAcceptPdu>();
        }

        AssertRejected(await RequestAsync(server, DimseTraffic.StorageRequest()), AssociateRejectResult.Transient, AssociateRejectReason.LocalLimitExceeded);

        await first.SendAsync(ReleaseRequestPdu.Instance);
        await first.ExpectAsync<ReleaseResponsePdu>();
        first.Close();
        await server.Events.WaitClosedAsync();
        Assert.IsType<AssociateAcceptPdu>(await RequestAsync(server, DimseTraffic.StorageRequest()));
    }

    [Fact]
    public async Task Low_disk_rejects_new_associations_transiently_until_space_returns()
    {
        long free = 10;
        await using RunningServer server = await RunningServer.StartAsync(o => o.MinimumFreeDiskBytes = 1000, _ => Volatile.Read(ref free));

        AssertRejected(await RequestAsync(server, DimseTraffic.StorageRequest()), AssociateRejectResult.Transient, AssociateRejectReason.TemporaryCongestion);

        Volatile.Write(ref free, 1_000_000);
        await Task.Delay(1100); // the free-space answer is cached for a second
        Assert.IsType<AssociateAcceptPdu>(await RequestAsync(server, DimseTraffic.StorageRequest()));
    }

    [Fact]
    public async Task No_acceptable_context_rejects_the_association()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        Pdu answer = await RequestAsync(server, DimseTraffic.StorageRequest(contexts: new PresentationContextItem(1, "1.2.840.10008.5.1.4.1.2.2.1", [TestPdus.ExplicitLittleEndian])));

        AssertRejected(answer, AssociateRejectResult.Permanent, AssociateRejectReason.UserNoReasonGiven);
    }

    [Fact]
    public async Task Accept_answers_each_context_on_its_own_in_the_preference_order()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        AssociateRequestPdu rq = DimseTraffic.StorageRequest(contexts:
        [
            new PresentationContextItem(1, DimseTraffic.CtImageStorage, [TestPdus.ImplicitLittleEndian, TestPdus.ExplicitLittleEndian]),
            new PresentationContextItem(3, DimseTraffic.CtImageStorage, ["1.2.840.10008.1.2.4.70", TestPdus.ImplicitLittleEndian]),
            new PresentationContextItem(5, DimseTraffic.CtImageStorage, ["1.2.840.10008.1.2.4.90"]),
            new PresentationContextItem(7, "1.2.840.10008.5.1.4.1.2.2.1", [TestPdus.ExplicitLittleEndian]),
            new PresentationContextItem(9, DimseTraffic.CtImageStorage, ["1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.5"]),
            new PresentationContextItem(255, DicomUids.Verification, [TestPdus.ImplicitLittleEndian]),
        ]);

        var ac = Assert.IsType<AssociateAcceptPdu>(await RequestAsync(server, rq));

        Assert.Equal(
            [
                (1, PresentationContextResult.Acceptance, TestPdus.ExplicitLittleEndian),
                (3, PresentationContextResult.Acceptance, TestPdus.ImplicitLittleEndian),
                (5, PresentationContextResult.TransferSyntaxesNotSupported, ""),
                (7, PresentationContextResult.AbstractSyntaxNotSupported, ""),
                (9, PresentationContextResult.Acceptance, "1.2.840.10008.1.2.4.57"),
                (255, PresentationContextResult.Acceptance, TestPdus.ImplicitLittleEndian),
            ],
            ac.PresentationContexts.Select(c => ((int)c.Id, c.Result, c.TransferSyntax)));
        Assert.Equal(256u * 1024, ac.UserInformation.MaximumLength);
        Assert.Equal(DicomUpperLayer.ImplementationClassUid, ac.UserInformation.ImplementationClassUid);
        Assert.Equal(DicomUpperLayer.ImplementationVersionName, ac.UserInformation.ImplementationVersionName);
        Assert.Null(ac.UserInformation.AsyncOperationsWindow);
        Assert.Empty(ac.UserInformation.RoleSelections);
    }

    [Fact]
    public async Task Async_window_and_roles_are_answered_only_when_proposed_and_never_grant_more()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        AssociateRequestPdu rq = DimseTraffic.StorageRequest();
        var proposal = new AssociateRequestPdu
        {
            CalledAeTitle = rq.CalledAeTitle,
            CallingAeTitle = rq.CallingAeTitle,
            PresentationContexts =
            [
                .. rq.PresentationContexts,
                new PresentationContextItem(5, "1.2.840.10008.5.1.4.1.1.4", [TestPdus.ExplicitLittleEndian]),
            ],
            UserInformation = new UserInformation
            {
                MaximumLength = 0,
                ImplementationClassUid = "1.2.3.4",
                AsyncOperationsWindow = new AsyncOperationsWindow(8, 8),
                RoleSelections =
                [
                    new RoleSelectionItem(DimseTraffic.CtImageStorage, ScuRole: true, ScpRole: true),
                    new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.4", ScuRole: false, ScpRole: true),
                ],
            },
        };

        var ac = Assert.IsType<AssociateAcceptPdu>(await RequestAsync(server, proposal));

        Assert.Equal(new AsyncOperationsWindow(1, 1), ac.UserInformation.AsyncOperationsWindow);
        Assert.Equal(
            [new RoleSelectionItem(DimseTraffic.CtImageStorage, true, false), new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.4", false, false)],
            ac.UserInformation.RoleSelections);

        // MR was proposed with the requestor as SCP only: Edge will not send, so that context is unusable.
        Assert.Equal(PresentationContextResult.UserRejection, ac.PresentationContexts.Single(c => c.Id == 5).Result);
    }

    [Fact]
    public async Task Temporary_files_left_by_a_crash_are_removed_at_start()
    {
        using var root = new TempDirectory();
        string incoming = root.Sub(".incoming");
        await File.WriteAllTextAsync(Path.Combine(incoming, "1-1-dead.part"), "half an instance");

        await using RunningServer server = await RunningServer.StartAsync(o => o.StorageRoot = root.Path);

        Assert.Empty(Directory.GetFiles(incoming));
    }

    [Fact]
    public async Task Echo_through_edge_scu_reports_the_peer_identity()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        EchoResult echo = await new DicomClient().EchoAsync(server.Peer(), CancellationToken.None);

        Assert.True(echo.Succeeded);
        Assert.Equal(DicomUpperLayer.ImplementationClassUid, echo.PeerImplementationClassUid);
    }
}
