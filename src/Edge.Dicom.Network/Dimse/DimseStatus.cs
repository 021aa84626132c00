namespace Edge.Dicom.Network.Dimse;

/// <summary>DIMSE status codes Edge sends or interprets (PS3.7 Annex C, PS3.4 Table B.2-1).</summary>
public static class DimseStatus
{
    public const ushort Success = 0x0000;

    /// <summary>Refused: out of resources, including a disk below the free-space threshold (PS3.4 B.2.3).</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>Error: data set does not match SOP class, or its SOP instance differs from the command (PS3.4 B.2.3).</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;

    /// <summary>Error: cannot understand (PS3.4 B.2.3); Edge uses C000 itself.</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>Refused: SOP class not supported (PS3.7 C.5.20).</summary>
    public const ushort SopClassNotSupported = 0x0122;

    /// <summary>Failure: duplicate SOP instance (PS3.7 C.5.10), for the "reject" duplicate policy.</summary>
    public const ushort DuplicateSopInstance = 0x0111;

    /// <summary>Failure: unrecognized operation (PS3.7 C.5.14).</summary>
    public const ushort UnrecognizedOperation = 0x0211;

    /// <summary>ErrorComment (0000,0902) is LO: at most 64 characters (PS3.5 Table 6.2-1).</summary>
    public const int MaxErrorCommentLength = 64;

    public static bool IsSuccess(ushort status) => status == Success;

    /// <summary>Warnings: 0001, Bxxx (PS3.7 C.1.2); the instance was stored.</summary>
    public static bool IsWarning(ushort status) => status == 0x0001 || (status & 0xF000) == 0xB000;

    public static bool IsFailure(ushort status) => !IsSuccess(status) && !IsWarning(status) && status is not (0xFF00 or 0xFF01 or 0xFE00);

    public static string Describe(ushort status) => status switch
    {
        Success => "Success",
        OutOfResources => "Out of resources",
        DataSetDoesNotMatchSopClass => "Data set does not match SOP class",
        CannotUnderstand => "Cannot understand",
        SopClassNotSupported => "SOP class not supported",
        DuplicateSopInstance => "Duplicate SOP instance",
        UnrecognizedOperation => "Unrecognized operation",
        0xB000 => "Coercion of data elements",
        0xB007 => "Data set does not match SOP class (warning)",
        0xB006 => "Elements discarded",
        _ when (status & 0xF000) == 0xA700 => "Out of resources",
        _ when (status & 0xF000) == 0xC000 => "Cannot understand",
        _ => "Status",
    } + $" (0x{status:X4})";
}
