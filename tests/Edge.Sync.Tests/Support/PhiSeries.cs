using System.Text;
using Edge.Store.Documents;

namespace Edge.Sync.Tests.Support;

/// <summary>
/// A series whose every identifying field holds a distinctive value, and which smuggles those values into the
/// allow-listed free-text fields too (manufacturer, model name, reasons, labels), as a hostile or careless
/// modality or model might.
/// </summary>
internal static class PhiSeries
{
    public const string StudyUid = "1.2.826.0.1.3680043.9.73105529.1";
    public const string SeriesUid = "1.2.826.0.1.3680043.9.73105529.1.88421907";
    public const string PatientName = "QUIXOTEPHI^ZEBEDIAH^MARMADUKE";
    public const string PatientId = "PID-83741-XQ";
    public const string BirthDate = "19470219";
    public const string Accession = "ACC99887766";
    public const string StudyDate = "19990817";
    public const string Institution = "ST WOLFGANGUS INFIRMARY";
    public const string Physician = "DRFEATHERSTONEHAUGH^PERCIVAL";

    public static SeriesRecord Create(string? seriesUid = null) => new()
    {
        SeriesInstanceUid = seriesUid ?? SeriesUid,
        StudyInstanceUid = StudyUid,
        Acquisition = new AcquisitionInfo
        {
            Modality = "CT",
            Manufacturer = "QUIXOTEPHI Imaging",
            ManufacturerModelName = "Scanner at ST WOLFGANGUS INFIRMARY",
            SliceCount = 312,
            SliceThicknessMm = 1.25,
            KvP = 120,
        },
        Identifiers = new LocalIdentifiers
        {
            PatientName = PatientName,
            PatientId = PatientId,
            PatientBirthDate = BirthDate,
            AccessionNumber = Accession,
            StudyDate = StudyDate,
            StudyTime = "101530",
            InstitutionName = Institution,
            ReferringPhysicianName = Physician,
        },
    };

    /// <summary>Puts identifiers into the result's free text as well.</summary>
    public static void Taint(ResultRecord result)
    {
        result.FailureReason = result.Decision == Decision.Failed ? $"accession {Accession} unreadable" : null;
        foreach (ModelResult m in result.Models)
        {
            m.Reason = $"patient {PatientId} born {BirthDate}";
            foreach (Finding f in m.Findings)
            {
                f.Label = "ZEBEDIAH";
            }
        }
    }

    /// <summary>Every value that must never appear in a published byte, with its parts.</summary>
    public static IReadOnlyList<string> Forbidden()
    {
        var values = new List<string>
        {
            StudyUid, SeriesUid, "73105529", "88421907", PatientName, "QUIXOTEPHI", "ZEBEDIAH", "MARMADUKE", PatientId, "83741",
            BirthDate, "1947-02-19", Accession, "99887766", StudyDate, "1999-08-17", Institution, "WOLFGANGUS", "INFIRMARY",
            Physician, "DRFEATHERSTONEHAUGH", "PERCIVAL",
        };
        return values;
    }

    /// <summary>Each forbidden value found in the bytes (case-insensitive ASCII), or none.</summary>
    public static List<string> FindIn(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes);
        return Forbidden().Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
