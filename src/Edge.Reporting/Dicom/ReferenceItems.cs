using Edge.Dicom;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Dicom;

/// <summary>SOP Instance Reference Macro items (PS3.3 Table 10-11) and the Image SOP Instance Reference Macro (Table 10-3).</summary>
internal static class ReferenceItems
{
    public static DicomDataset Sop(string sopClassUid, string sopInstanceUid)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, sopClassUid);
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, sopInstanceUid);
        return item;
    }

    /// <summary>A source frame as an image reference (with its frame number when it is one frame of a multi-frame image).</summary>
    public static DicomDataset Image(SourceFrame frame)
    {
        DicomDataset item = Sop(frame.SopClassUid, frame.SopInstanceUid);
        if (frame.FrameNumber is { } number)
        {
            item.SetIntegerString(DicomTags.ReferencedFrameNumber, number);
        }

        return item;
    }

    /// <summary>A source frame referenced as the input of an image processing operation (Source Image Sequence items).</summary>
    public static DicomDataset SourceImage(SourceFrame frame)
    {
        DicomDataset item = Image(frame);
        CodeItems.Set(item, DicomTags.PurposeOfReferenceCodeSequence, ReportingCodes.SourceImageForProcessing);
        return item;
    }
}
