using Edge.Dicom.Network.StateMachine;

namespace Edge.Dicom.Network.Tests.StateMachine;

public sealed class StateTransitionTableTests
{
    private static readonly AssociationEvent[] ReceivedPduEvents =
    [
        AssociationEvent.AssociateAcceptReceived, AssociationEvent.AssociateRejectReceived, AssociationEvent.AssociateRequestReceived,
        AssociationEvent.DataReceived, AssociationEvent.ReleaseRequestReceived, AssociationEvent.ReleaseResponseReceived,
        AssociationEvent.AbortReceived, AssociationEvent.TransportClosed, AssociationEvent.InvalidPduReceived,
    ];

    [Theory]
    [InlineData(1, 1, AssociationAction.AE1)]
    [InlineData(4, 2, AssociationAction.AE2)]
    [InlineData(5, 3, AssociationAction.AE3)]
    [InlineData(5, 4, AssociationAction.AE4)]
    [InlineData(1, 5, AssociationAction.AE5)]
    [InlineData(2, 6, AssociationAction.AE6)]
    [InlineData(3, 7, AssociationAction.AE7)]
    [InlineData(3, 8, AssociationAction.AE8)]
    [InlineData(6, 9, AssociationAction.DT1)]
    [InlineData(8, 9, AssociationAction.AR7)]
    [InlineData(6, 10, AssociationAction.DT2)]
    [InlineData(7, 10, AssociationAction.AR6)]
    [InlineData(6, 11, AssociationAction.AR1)]
    [InlineData(6, 12, AssociationAction.AR2)]
    [InlineData(7, 12, AssociationAction.AR8)]
    [InlineData(7, 13, AssociationAction.AR3)]
    [InlineData(10, 13, AssociationAction.AR10)]
    [InlineData(11, 13, AssociationAction.AR3)]
    [InlineData(8, 14, AssociationAction.AR4)]
    [InlineData(9, 14, AssociationAction.AR9)]
    [InlineData(12, 14, AssociationAction.AR4)]
    [InlineData(4, 15, AssociationAction.AA2)]
    [InlineData(6, 15, AssociationAction.AA1)]
    [InlineData(2, 16, AssociationAction.AA2)]
    [InlineData(6, 16, AssociationAction.AA3)]
    [InlineData(13, 16, AssociationAction.AA2)]
    [InlineData(2, 17, AssociationAction.AA5)]
    [InlineData(6, 17, AssociationAction.AA4)]
    [InlineData(13, 17, AssociationAction.AR5)]
    [InlineData(2, 18, AssociationAction.AA2)]
    [InlineData(13, 18, AssociationAction.AA2)]
    [InlineData(2, 19, AssociationAction.AA1)]
    [InlineData(6, 19, AssociationAction.AA8)]
    [InlineData(13, 19, AssociationAction.AA7)]
    [InlineData(13, 6, AssociationAction.AA7)]
    [InlineData(13, 10, AssociationAction.AA6)]
    [InlineData(2, 10, AssociationAction.AA1)]
    [InlineData(5, 6, AssociationAction.AA8)]
    public void Cells_match_PS3_8_Table_9_10(int state, int evt, AssociationAction expected)
    {
        Assert.Equal(expected, StateTransitionTable.Lookup((AssociationState)state, (AssociationEvent)evt));
    }

    [Fact]
    public void Every_state_that_reads_has_an_action_for_every_received_event()
    {
        foreach (AssociationState state in Enum.GetValues<AssociationState>())
        {
            if (state is AssociationState.Idle or AssociationState.AwaitingTransportOpen)
            {
                continue;
            }

            foreach (AssociationEvent evt in ReceivedPduEvents)
            {
                Assert.NotEqual(AssociationAction.None, StateTransitionTable.Lookup(state, evt));
            }
        }
    }

    [Fact]
    public void Artim_expiry_is_only_defined_where_artim_runs()
    {
        AssociationState[] withArtim = [.. Enum.GetValues<AssociationState>()
            .Where(s => StateTransitionTable.Lookup(s, AssociationEvent.ArtimExpired) != AssociationAction.None)];

        Assert.Equal([AssociationState.AwaitingAssociateRequest, AssociationState.AwaitingTransportClose], withArtim);
    }

    [Fact]
    public void Release_collision_branches_on_the_role()
    {
        Assert.Equal(AssociationState.CollisionRequestorAwaitingLocalResponse, StateTransitionTable.NextState(AssociationAction.AR8, isRequestor: true));
        Assert.Equal(AssociationState.CollisionAcceptorAwaitingReleaseResponse, StateTransitionTable.NextState(AssociationAction.AR8, isRequestor: false));
    }

    [Fact]
    public void Unacceptable_request_goes_to_sta13_after_the_reject()
    {
        Assert.Equal(AssociationState.AwaitingLocalAssociateResponse, StateTransitionTable.NextState(AssociationAction.AE6, false, acceptable: true));
        Assert.Equal(AssociationState.AwaitingTransportClose, StateTransitionTable.NextState(AssociationAction.AE6, false, acceptable: false));
    }

    [Fact]
    public void Every_defined_cell_leads_to_a_state()
    {
        foreach (AssociationState state in Enum.GetValues<AssociationState>())
        {
            foreach (AssociationEvent evt in Enum.GetValues<AssociationEvent>())
            {
                AssociationAction action = StateTransitionTable.Lookup(state, evt);
                if (action != AssociationAction.None)
                {
                    Assert.True(Enum.IsDefined(StateTransitionTable.NextState(action, isRequestor: true)));
                }
            }
        }
    }
}
