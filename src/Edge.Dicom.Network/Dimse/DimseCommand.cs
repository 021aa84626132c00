namespace Edge.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set (PS3.7 §9.3.1, §9.1.5 for C-STORE, §9.1.5 for C-ECHO) as typed fields. Encoding, always
/// Implicit VR Little Endian with (0000,0000) group length, is done by <see cref="CommandSetCodec"/>.
/// </summary>
public sealed class DimseCommand
{
    /// <summary>(0000,0800) value meaning "no data set" (PS3.7 §9.3.1); any other value means one follows.</summary>
    public const ushort NoDataSet = 0x0101;

    public required DimseCommandField CommandField { get; init; }

    public ushort? MessageId { get; init; }

    public ushort? MessageIdBeingRespondedTo { get; init; }

    public string? AffectedSopClassUid { get; init; }

    public string? AffectedSopInstanceUid { get; init; }

    /// <summary>(0000,0700): 0 medium, 1 high, 2 low.</summary>
    public ushort? Priority { get; init; }

    public bool HasDataSet { get; init; }

    public ushort? Status { get; init; }

    public string? ErrorComment { get; init; }

    public string? MoveOriginatorAeTitle { get; init; }

    public ushort? MoveOriginatorMessageId { get; init; }

    public bool IsRequest => ((ushort)CommandField & 0x8000) == 0;

    public static DimseCommand EchoRequest(ushort messageId) => new()
    {
        CommandField = DimseCommandField.CEchoRequest,
        MessageId = messageId,
        AffectedSopClassUid = DicomUids.Verification,
    };

    public static DimseCommand StoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid, ushort priority = 0) => new()
    {
        CommandField = DimseCommandField.CStoreRequest,
        MessageId = messageId,
        AffectedSopClassUid = sopClassUid,
        AffectedSopInstanceUid = sopInstanceUid,
        Priority = priority,
        HasDataSet = true,
    };

    /// <summary>The response to <paramref name="request"/>; the error comment is cut to the 64 characters LO allows.</summary>
    public static DimseCommand ResponseTo(DimseCommand request, ushort status, string? errorComment = null) => new()
    {
        CommandField = (DimseCommandField)((ushort)request.CommandField | 0x8000),
        MessageIdBeingRespondedTo = request.MessageId,
        AffectedSopClassUid = request.AffectedSopClassUid,
        AffectedSopInstanceUid = request.AffectedSopInstanceUid,
        Status = status,
        ErrorComment = errorComment is null ? null : ClampComment(errorComment),
    };

    private static string ClampComment(string comment)
    {
        // LO excludes control characters and backslash (PS3.5 Table 6.2-1).
        var chars = comment.Select(c => c is < ' ' or '\\' or > '~' ? ' ' : c).Take(DimseStatus.MaxErrorCommentLength).ToArray();
        return new string(chars).TrimEnd();
    }

    public override string ToString() => CommandField switch
    {
        DimseCommandField.CStoreRequest => $"C-STORE-RQ #{MessageId} {AffectedSopInstanceUid}",
        DimseCommandField.CStoreResponse => $"C-STORE-RSP #{MessageIdBeingRespondedTo} {DimseStatus.Describe(Status ?? 0)}",
        DimseCommandField.CEchoRequest => $"C-ECHO-RQ #{MessageId}",
        DimseCommandField.CEchoResponse => $"C-ECHO-RSP #{MessageIdBeingRespondedTo} {DimseStatus.Describe(Status ?? 0)}",
        _ => $"{CommandField} #{MessageId ?? MessageIdBeingRespondedTo}",
    };
}
