namespace Edge.Dicom;

/// <summary>
/// One data dictionary entry (PS3.6 §6). <see cref="ValueRepresentations"/>[0] is the VR an implicit VR reader
/// should assume; ambiguous tags list every allowed VR (US/SS, OW/OB).
/// </summary>
public sealed record DicomDictionaryEntry(
    DicomTag Tag,
    DicomVR[] ValueRepresentations,
    string ValueMultiplicity,
    string Keyword,
    string Name,
    bool IsRetired)
{
    public DicomVR DefaultVR => ValueRepresentations.Length > 0 ? ValueRepresentations[0] : DicomVR.UN;
}
