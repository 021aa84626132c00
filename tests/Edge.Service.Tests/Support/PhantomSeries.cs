using System.Globalization;
using Edge.Dicom;
using Edge.Imaging.Phantom;

namespace Edge.Service.Tests.Support;

/// <summary>
/// A phantom CT series on disk whose identifying fields hold distinctive values, so a byte scan of everything published
/// can prove none of them left the box.
/// </summary>
internal sealed record PhantomSeries(
    string Directory,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    IReadOnlyList<string> SopInstanceUids,
    string PatientName,
    string PatientId,
    string BirthDate,
    string AccessionNumber,
    string StudyDate,
    string Institution)
{
    /// <summary>
    /// Small enough for CI (64 slices of 128², about 2 MB), yet inside the reference model's eligibility: 2.5 mm slices
    /// covering 160 mm (the rule wants 0.5-5 mm and at least 100 mm).
    /// </summary>
    public const int Size = 128;

    public const int Slices = 64;

    /// <summary>Every value that identifies the patient, the study or an instance, as it appears in the DICOM files.</summary>
    public IEnumerable<string> Identifiers =>
    [
        PatientName, PatientId, BirthDate, AccessionNumber, StudyDate, Institution, StudyInstanceUid, SeriesInstanceUid,
        .. SopInstanceUids,
        // The family name alone, and the study date as ISO text: a reformatted leak is still a leak.
        PatientName.Split('^')[0], $"{StudyDate[..4]}-{StudyDate[4..6]}-{StudyDate[6..]}",
    ];

    /// <summary>
    /// A series the committed reference model flags as suspicious: a 30 mm lesion 30 HU below the pancreas body, in the
    /// model's training range (224², 2.5 mm, 180 mm). The reference model is weak (held-out AUC about 0.8 at an operating
    /// point of 99 % specificity), so which lesion phantoms it flags depends on the seed; this one scores 0.9996 against
    /// a threshold of 0.9991. If the model is retrained, pick a seed it flags (`edgectl infer DIR --json`).
    /// </summary>
    public static PhantomSeries WriteSuspicious(string directory) =>
        Write(directory, seed: 29, lesion: true, size: 224, slices: 72);

    public static PhantomSeries Write(string directory, int seed, bool lesion, int size = Size, int slices = Slices)
    {
        var options = new PhantomOptions
        {
            Seed = seed,
            Size = size,
            Slices = slices,
            SliceThicknessMm = 2.5,
            Lesion = lesion,
            LesionDiameterMm = lesion ? 30 : null,
            LesionContrastHu = lesion ? 30 : null,
            LesionSite = lesion ? PancreasSite.Body : null,
        };
        string patientName = string.Create(CultureInfo.InvariantCulture, $"QUIXOTEPHI{seed}^ZEBEDIAH^MARMADUKE");
        string patientId = string.Create(CultureInfo.InvariantCulture, $"PID-{seed}-83741XQ");
        var acquired = new DateTime(1999, 8, 17, 10, 15, 30, DateTimeKind.Local);
        PhantomVolume phantom = PhantomGenerator.Generate(options);
        PhantomWriter.Write(phantom, directory, new PhantomOutputOptions
        {
            Labels = false,
            DicomOptions = new PhantomDicomOptions { PatientName = patientName, PatientId = patientId, AcquisitionTime = acquired },
        });

        string dicom = Path.Combine(directory, PhantomWriter.DicomFolder);
        string[] files = [.. System.IO.Directory.GetFiles(dicom, "*.dcm").Order(StringComparer.Ordinal)];
        DicomDataset first = DicomFile.Open(files[0], DicomReadOptions.HeaderOnly).Dataset;
        return new PhantomSeries(
            dicom,
            first.GetString(DicomTags.StudyInstanceUID)!,
            first.GetString(DicomTags.SeriesInstanceUID)!,
            [.. files.Select(f => DicomFile.Open(f, DicomReadOptions.HeaderOnly).Dataset.GetString(DicomTags.SOPInstanceUID)!)],
            patientName,
            patientId,
            first.GetString(DicomTags.PatientBirthDate)!,
            first.GetString(DicomTags.AccessionNumber)!,
            first.GetString(DicomTags.StudyDate)!,
            first.GetString(DicomTags.InstitutionName)!);
    }
}
