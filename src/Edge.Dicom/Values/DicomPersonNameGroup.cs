namespace Edge.Dicom;

/// <summary>The three component groups of a PN value, separated by '=' (PS3.5 §6.2.1).</summary>
public enum DicomPersonNameGroup
{
    Alphabetic,
    Ideographic,
    Phonetic,
}
