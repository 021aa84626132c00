using Edge.Dicom;
using Edge.IO;

namespace Edge.Reporting;

/// <summary>One DICOM result object, ready to store or send.</summary>
public sealed class ResultObject
{
    public ResultObject(ResultObjectKind kind, DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Kind = kind;
        Dataset = dataset;
        SopClassUid = dataset.GetString(DicomTags.SOPClassUID) ?? throw new ArgumentException("no SOP Class UID", nameof(dataset));
        SopInstanceUid = dataset.GetString(DicomTags.SOPInstanceUID) ?? throw new ArgumentException("no SOP Instance UID", nameof(dataset));
        SeriesInstanceUid = dataset.GetString(DicomTags.SeriesInstanceUID) ?? throw new ArgumentException("no Series Instance UID", nameof(dataset));
    }

    public ResultObjectKind Kind { get; }

    public DicomDataset Dataset { get; }

    public string SopClassUid { get; }

    public string SopInstanceUid { get; }

    public string SeriesInstanceUid { get; }

    /// <summary>A file name unique to the object: kind and SOP Instance UID.</summary>
    public string FileName => Kind switch
    {
        ResultObjectKind.StructuredReport => "SR_",
        ResultObjectKind.KeyImage => "SC_",
        _ => "SEG_",
    } + SopInstanceUid + ".dcm";

    /// <summary>Writes a Part 10 file (Explicit VR Little Endian), atomically and durably: it may be queued for a PACS next.</summary>
    public void Save(string path) => AtomicFile.Write(path, Write);

    public void Write(Stream stream)
    {
        DicomDataset meta = DicomWriter.CreateFileMetaInformation(SopClassUid, SopInstanceUid, DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomWriter.WritePart10(stream, meta, Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
    }
}
