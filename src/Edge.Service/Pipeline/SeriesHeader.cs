using Edge.Dicom;
using Edge.Store.Documents;

namespace Edge.Service.Pipeline;

/// <summary>
/// What the series record keeps from the first image's header: the technical acquisition facts a summary may carry,
/// and the local identifiers an operator finds a result by (they stay on the box; the summary builder screens its
/// output against them).
/// </summary>
public static class SeriesHeader
{
    public static AcquisitionInfo Acquisition(DicomDataset ds, int sliceCount, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(ds);
        return new AcquisitionInfo
        {
            Modality = ds.GetString(DicomTags.Modality),
            Manufacturer = ds.GetString(DicomTags.Manufacturer),
            ManufacturerModelName = ds.GetString(DicomTags.ManufacturerModelName),
            SliceCount = sliceCount,
            SliceThicknessMm = ds.TryGetDouble(DicomTags.SliceThickness, out double thickness) ? thickness : null,
            KvP = ds.TryGetDouble(DicomTags.KVP, out double kvp) ? kvp : null,
            Rows = rows,
            Columns = columns,
            BodyPartExamined = ds.GetString(DicomTags.BodyPartExamined),
            ConvolutionKernel = ds.GetStrings(DicomTags.ConvolutionKernel) is { Length: > 0 } kernel ? string.Join('\\', kernel) : null,
            ContrastAgent = !string.IsNullOrWhiteSpace(ds.GetString(DicomTags.ContrastBolusAgent))
                || ds.GetSequence(DicomTags.ContrastBolusAgentSequence) is { Items.Count: > 0 },
        };
    }

    public static LocalIdentifiers Identifiers(DicomDataset ds)
    {
        ArgumentNullException.ThrowIfNull(ds);
        return new LocalIdentifiers
        {
            PatientName = ds.GetString(DicomTags.PatientName),
            PatientId = ds.GetString(DicomTags.PatientID),
            PatientBirthDate = ds.GetString(DicomTags.PatientBirthDate),
            AccessionNumber = ds.GetString(DicomTags.AccessionNumber),
            StudyDate = ds.GetString(DicomTags.StudyDate),
            StudyTime = ds.GetString(DicomTags.StudyTime),
            InstitutionName = ds.GetString(DicomTags.InstitutionName),
            ReferringPhysicianName = ds.GetString(DicomTags.ReferringPhysicianName),
        };
    }
}
