namespace Edge.Dicom.Network.StateMachine;

/// <summary>The actions of the upper-layer protocol machine (PS3.8 Table 9-6 to 9-9).</summary>
public enum AssociationAction
{
    /// <summary>The event is not valid in this state (an empty cell of Table 9-10).</summary>
    None = 0,

    /// <summary>AE-1: issue TRANSPORT CONNECT → Sta4.</summary>
    AE1,

    /// <summary>AE-2: send A-ASSOCIATE-RQ → Sta5.</summary>
    AE2,

    /// <summary>AE-3: issue A-ASSOCIATE confirmation (accept) → Sta6.</summary>
    AE3,

    /// <summary>AE-4: issue A-ASSOCIATE confirmation (reject), close transport → Sta1.</summary>
    AE4,

    /// <summary>AE-5: issue transport connection response, start ARTIM → Sta2.</summary>
    AE5,

    /// <summary>AE-6: stop ARTIM; if acceptable issue A-ASSOCIATE indication → Sta3, else send A-ASSOCIATE-RJ, start ARTIM → Sta13.</summary>
    AE6,

    /// <summary>AE-7: send A-ASSOCIATE-AC → Sta6.</summary>
    AE7,

    /// <summary>AE-8: send A-ASSOCIATE-RJ, start ARTIM → Sta13.</summary>
    AE8,

    /// <summary>DT-1: send P-DATA-TF → Sta6.</summary>
    DT1,

    /// <summary>DT-2: issue P-DATA indication → Sta6.</summary>
    DT2,

    /// <summary>AR-1: send A-RELEASE-RQ → Sta7.</summary>
    AR1,

    /// <summary>AR-2: issue A-RELEASE indication → Sta8.</summary>
    AR2,

    /// <summary>AR-3: issue A-RELEASE confirmation, close transport → Sta1.</summary>
    AR3,

    /// <summary>AR-4: send A-RELEASE-RP, start ARTIM → Sta13.</summary>
    AR4,

    /// <summary>AR-5: stop ARTIM → Sta1.</summary>
    AR5,

    /// <summary>AR-6: issue P-DATA indication → Sta7.</summary>
    AR6,

    /// <summary>AR-7: send P-DATA-TF → Sta8.</summary>
    AR7,

    /// <summary>AR-8: issue A-RELEASE indication (collision) → Sta9 for the requestor, Sta10 for the acceptor.</summary>
    AR8,

    /// <summary>AR-9: send A-RELEASE-RP → Sta11.</summary>
    AR9,

    /// <summary>AR-10: issue A-RELEASE confirmation → Sta12.</summary>
    AR10,

    /// <summary>AA-1: send A-ABORT (service-user source), start or restart ARTIM → Sta13.</summary>
    AA1,

    /// <summary>AA-2: stop ARTIM if running, close transport → Sta1.</summary>
    AA2,

    /// <summary>AA-3: issue A-ABORT or A-P-ABORT indication, close transport → Sta1.</summary>
    AA3,

    /// <summary>AA-4: issue A-P-ABORT indication → Sta1.</summary>
    AA4,

    /// <summary>AA-5: stop ARTIM → Sta1.</summary>
    AA5,

    /// <summary>AA-6: ignore the PDU → Sta13.</summary>
    AA6,

    /// <summary>AA-7: send A-ABORT → Sta13.</summary>
    AA7,

    /// <summary>AA-8: send A-ABORT (service-provider source), issue A-P-ABORT indication, start ARTIM → Sta13.</summary>
    AA8,
}
