namespace Edge.Dicom;

/// <summary>A parsed element header: tag, VR (None for items and delimiters), value length and header size.</summary>
internal readonly record struct DicomElementHeader(DicomTag Tag, DicomVR VR, uint Length, int HeaderLength)
{
    /// <summary>0xFFFFFFFF marks an undefined length (PS3.5 §7.1.1).</summary>
    public const uint UndefinedLength = 0xFFFFFFFF;

    public bool IsUndefinedLength => Length == UndefinedLength;
}
