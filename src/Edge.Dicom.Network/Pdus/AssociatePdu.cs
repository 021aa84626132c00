namespace Edge.Dicom.Network.Pdus;

/// <summary>
/// What A-ASSOCIATE-RQ and -AC share (PS3.8 Tables 9-11 and 9-17): the fixed fields, the application context, the
/// presentation context items (proposed in the request, answered in the accept) and the user information.
/// </summary>
public abstract class AssociatePdu<TContext> : Pdu
{
    /// <summary>Bit 0 set means protocol version 1, the only one defined (PS3.8 §9.3.2).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>
    /// The called AE title as sent, without its space padding. An accept echoes the request's; PS3.8 says receivers
    /// shall not test it there.
    /// </summary>
    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = DicomUpperLayer.ApplicationContextName;

    public required IReadOnlyList<TContext> PresentationContexts { get; init; }

    public required UserInformation UserInformation { get; init; }
}
