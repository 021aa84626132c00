namespace Edge.Dicom;

/// <summary>The last component a DA, TM or DT value gave (DT and TM may be truncated, PS3.5 §6.2).</summary>
public enum DicomDateTimePrecision
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Fraction,
}
