namespace Edge.Dicom;

/// <summary>Encoding facts for each VR, taken from PS3.5 Table 6.2-1 and §7.1.2.</summary>
public static class DicomVRExtensions
{
    /// <summary>
    /// Explicit VR encodings give these VRs two reserved bytes and a 32-bit length (PS3.5 §7.1.2);
    /// all others have a 16-bit length.
    /// </summary>
    public static bool HasLongLength(this DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL
        or DicomVR.OV or DicomVR.OW or DicomVR.SQ or DicomVR.SV or DicomVR.UC or DicomVR.UN or DicomVR.UR
        or DicomVR.UT or DicomVR.UV;

    /// <summary>True for VRs whose value is text (one or more backslash-separated values, except LT, ST, UT, UR).</summary>
    public static bool IsString(this DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA
        or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>Text VRs decoded with Specific Character Set (PS3.5 §6.1.2.3); the rest are default repertoire.</summary>
    public static bool UsesSpecificCharacterSet(this DicomVR vr) => vr is DicomVR.SH or DicomVR.LO or DicomVR.ST
        or DicomVR.LT or DicomVR.PN or DicomVR.UC or DicomVR.UT;

    /// <summary>Text VRs that hold exactly one value: backslash is an ordinary character in them.</summary>
    public static bool IsSingleValuedText(this DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>Byte size of one value for fixed-size binary VRs, and 0 for everything else.</summary>
    public static int ValueSize(this DicomVR vr) => vr switch
    {
        DicomVR.SS or DicomVR.US or DicomVR.OW => 2,
        DicomVR.SL or DicomVR.UL or DicomVR.FL or DicomVR.OF or DicomVR.OL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        DicomVR.OB or DicomVR.UN => 1,
        _ => 0,
    };

    /// <summary>
    /// Byte-swap unit when converting between little and big endian: AT swaps as two 16-bit halves
    /// (PS3.5 §7.3), OB/UN and text never swap.
    /// </summary>
    public static int SwapSize(this DicomVR vr) => vr == DicomVR.AT ? 2 : vr.ValueSize() > 1 ? vr.ValueSize() : 1;

    /// <summary>Values are padded to even length with NUL for UI and binary VRs, with a space for text (PS3.5 §6.2).</summary>
    public static byte PaddingByte(this DicomVR vr) => vr is DicomVR.UI or DicomVR.OB or DicomVR.UN ? (byte)0x00 : (byte)0x20;

    public static string Code(this DicomVR vr) => vr == DicomVR.None ? "??" : new string([(char)((ushort)vr >> 8), (char)((ushort)vr & 0xFF)]);

    /// <summary>Returns false for bytes that are not a known VR; the reader then decides how to recover.</summary>
    public static bool TryParse(ushort packed, out DicomVR vr)
    {
        vr = (DicomVR)packed;
        return Enum.IsDefined(vr) && vr != DicomVR.None;
    }
}
