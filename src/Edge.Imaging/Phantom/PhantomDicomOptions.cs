namespace Edge.Imaging.Phantom;

/// <summary>Header choices for the phantom's DICOM files. Everything identifying is fictitious and says so.</summary>
public sealed record PhantomDicomOptions
{
    public PatientPosition PatientPosition { get; init; } = PatientPosition.HFS;

    public PixelEncoding Encoding { get; init; } = PixelEncoding.Unsigned;

    /// <summary>Null: "PHANTOM^SYNTHETIC^SEED&lt;n&gt;".</summary>
    public string? PatientName { get; init; }

    /// <summary>Null: "EDGE-PHANTOM-&lt;seed&gt;".</summary>
    public string? PatientId { get; init; }

    /// <summary>Reuse a study (to add a series to it); null for a new study.</summary>
    public string? StudyInstanceUid { get; init; }

    /// <summary>Null: a fresh UID.</summary>
    public string? SeriesInstanceUid { get; init; }

    public int SeriesNumber { get; init; } = 2;

    /// <summary>Acquisition and content date-time; null: now.</summary>
    public DateTime? AcquisitionTime { get; init; }
}
