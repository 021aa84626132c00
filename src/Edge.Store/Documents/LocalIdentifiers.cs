namespace Edge.Store.Documents;

/// <summary>
/// Identifiers that let a local operator find a patient's result on this box (control API, <c>edgectl</c>).
/// They are protected health information: they stay in the store, are never synced and never logged. The
/// summary builder does not read this type except to screen its output for these values.
/// </summary>
public sealed class LocalIdentifiers
{
    public string? PatientName { get; set; }

    public string? PatientId { get; set; }

    public string? PatientBirthDate { get; set; }

    public string? AccessionNumber { get; set; }

    public string? StudyDate { get; set; }

    public string? StudyTime { get; set; }

    public string? InstitutionName { get; set; }

    public string? ReferringPhysicianName { get; set; }

    public IEnumerable<string?> All()
    {
        yield return PatientName;
        yield return PatientId;
        yield return PatientBirthDate;
        yield return AccessionNumber;
        yield return StudyDate;
        yield return StudyTime;
        yield return InstitutionName;
        yield return ReferringPhysicianName;
    }
}
