namespace Edge.Dicom;

/// <summary>The two facts a parser needs at each nesting level: VR explicitness and byte order.</summary>
internal readonly record struct DicomEncoding(bool ExplicitVR, bool BigEndian)
{
    public static readonly DicomEncoding ImplicitLittle = new(false, false);
    public static readonly DicomEncoding ExplicitLittle = new(true, false);

    public static DicomEncoding Of(DicomTransferSyntax ts) => new(ts.IsExplicitVR, ts.IsBigEndian);
}
