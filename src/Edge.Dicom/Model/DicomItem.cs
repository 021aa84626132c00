namespace Edge.Dicom;

/// <summary>Anything a dataset holds: an element, a sequence or encapsulated pixel data.</summary>
public abstract class DicomItem
{
    private protected DicomItem(DicomTag tag, DicomVR vr)
    {
        Tag = tag;
        VR = vr;
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    public override string ToString() => $"{Tag} {VR.Code()}";
}
