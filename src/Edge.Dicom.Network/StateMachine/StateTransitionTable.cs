namespace Edge.Dicom.Network.StateMachine;

/// <summary>
/// PS3.8 Table 9-10, the DICOM upper-layer state transition table, as data. <see cref="Lookup"/> gives the action for an
/// event in a state (<see cref="AssociationAction.None"/> for an empty cell) and <see cref="NextState"/> the state it leads to.
/// </summary>
public static class StateTransitionTable
{
    private const AssociationAction Z = AssociationAction.None;

    // Rows: events 1-19. Columns: states 1-13.
    private static readonly AssociationAction[,] Table = Build();

    public static AssociationAction Lookup(AssociationState state, AssociationEvent evt) => Table[(int)evt - 1, (int)state - 1];

    /// <summary>
    /// The state an action leads to. AE-6 depends on whether the request is acceptable to the service provider; AR-8
    /// on whether this side requested the association.
    /// </summary>
    public static AssociationState NextState(AssociationAction action, bool isRequestor, bool acceptable = true) => action switch
    {
        AssociationAction.AE1 => AssociationState.AwaitingTransportOpen,
        AssociationAction.AE2 => AssociationState.AwaitingAssociateResponse,
        AssociationAction.AE3 or AssociationAction.AE7 or AssociationAction.DT1 or AssociationAction.DT2 => AssociationState.Established,
        AssociationAction.AE4 or AssociationAction.AR3 or AssociationAction.AR5 or AssociationAction.AA2 or AssociationAction.AA3
            or AssociationAction.AA4 or AssociationAction.AA5 => AssociationState.Idle,
        AssociationAction.AE5 => AssociationState.AwaitingAssociateRequest,
        AssociationAction.AE6 => acceptable ? AssociationState.AwaitingLocalAssociateResponse : AssociationState.AwaitingTransportClose,
        AssociationAction.AE8 or AssociationAction.AR4 or AssociationAction.AA1 or AssociationAction.AA6 or AssociationAction.AA7
            or AssociationAction.AA8 => AssociationState.AwaitingTransportClose,
        AssociationAction.AR1 or AssociationAction.AR6 => AssociationState.AwaitingReleaseResponse,
        AssociationAction.AR2 or AssociationAction.AR7 => AssociationState.AwaitingLocalReleaseResponse,
        AssociationAction.AR8 => isRequestor
            ? AssociationState.CollisionRequestorAwaitingLocalResponse
            : AssociationState.CollisionAcceptorAwaitingReleaseResponse,
        AssociationAction.AR9 => AssociationState.CollisionRequestorAwaitingReleaseResponse,
        AssociationAction.AR10 => AssociationState.CollisionAcceptorAwaitingLocalResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No transition for an empty cell."),
    };

    private static AssociationAction[,] Build()
    {
        const AssociationAction AE1 = AssociationAction.AE1, AE2 = AssociationAction.AE2, AE3 = AssociationAction.AE3,
            AE4 = AssociationAction.AE4, AE5 = AssociationAction.AE5, AE6 = AssociationAction.AE6, AE7 = AssociationAction.AE7,
            AE8 = AssociationAction.AE8, DT1 = AssociationAction.DT1, DT2 = AssociationAction.DT2, AR1 = AssociationAction.AR1,
            AR2 = AssociationAction.AR2, AR3 = AssociationAction.AR3, AR4 = AssociationAction.AR4, AR5 = AssociationAction.AR5,
            AR6 = AssociationAction.AR6, AR7 = AssociationAction.AR7, AR8 = AssociationAction.AR8, AR9 = AssociationAction.AR9,
            AR10 = AssociationAction.AR10, AA1 = AssociationAction.AA1, AA2 = AssociationAction.AA2, AA3 = AssociationAction.AA3,
            AA4 = AssociationAction.AA4, AA5 = AssociationAction.AA5, AA6 = AssociationAction.AA6, AA7 = AssociationAction.AA7,
            AA8 = AssociationAction.AA8;

        return new AssociationAction[19, 13]
        {
            // Sta: 1    2    3    4    5    6    7    8    9    10    11   12   13
            /* Evt1  */ { AE1, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z },
            /* Evt2  */ { Z, Z, Z, AE2, Z, Z, Z, Z, Z, Z, Z, Z, Z },
            /* Evt3  */ { Z, AA1, AA8, Z, AE3, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA6 },
            /* Evt4  */ { Z, AA1, AA8, Z, AE4, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA6 },
            /* Evt5  */ { AE5, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z },
            /* Evt6  */ { Z, AE6, AA8, Z, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA7 },
            /* Evt7  */ { Z, Z, AE7, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z },
            /* Evt8  */ { Z, Z, AE8, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z },
            /* Evt9  */ { Z, Z, Z, Z, Z, DT1, Z, AR7, Z, Z, Z, Z, Z },
            /* Evt10 */ { Z, AA1, AA8, Z, AA8, DT2, AR6, AA8, AA8, AA8, AA8, AA8, AA6 },
            /* Evt11 */ { Z, Z, Z, Z, Z, AR1, Z, Z, Z, Z, Z, Z, Z },
            /* Evt12 */ { Z, AA1, AA8, Z, AA8, AR2, AR8, AA8, AA8, AA8, AA8, AA8, AA6 },
            /* Evt13 */ { Z, AA1, AA8, Z, AA8, AA8, AR3, AA8, AA8, AR10, AR3, AA8, AA6 },
            /* Evt14 */ { Z, Z, Z, Z, Z, Z, Z, AR4, AR9, Z, Z, AR4, Z },
            /* Evt15 */ { Z, Z, AA1, AA2, AA1, AA1, AA1, AA1, AA1, AA1, AA1, AA1, Z },
            /* Evt16 */ { Z, AA2, AA3, Z, AA3, AA3, AA3, AA3, AA3, AA3, AA3, AA3, AA2 },
            /* Evt17 */ { Z, AA5, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AR5 },
            /* Evt18 */ { Z, AA2, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, AA2 },
            /* Evt19 */ { Z, AA1, AA8, Z, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA7 },
        };
    }
}
