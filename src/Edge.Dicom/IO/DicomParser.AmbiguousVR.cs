namespace Edge.Dicom;

/// <summary>
/// Tags the dictionary lists with several VRs (US or SS, OB or OW, US or OW) need a choice when the encoding does
/// not carry one (implicit VR, or UN restored): PS3.5 §A.1 and PS3.3 tie US/SS to Pixel Representation.
/// </summary>
internal sealed partial class DicomParser
{
    private static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);

    private static DicomVR ResolveImplicitVR(DicomDataset dataset, DicomTag tag, DicomVR vr)
    {
        if (vr is not (DicomVR.US or DicomVR.SS or DicomVR.OW or DicomVR.OB) || tag.IsPrivate
            || !DicomDictionary.TryGetEntry(tag, out DicomDictionaryEntry? entry) || entry.ValueRepresentations.Length < 2)
        {
            return vr;
        }

        DicomVR[] allowed = entry.ValueRepresentations;
        if (allowed.Contains(DicomVR.US) && allowed.Contains(DicomVR.SS))
        {
            // Signed pixel data (Pixel Representation 1) makes pixel-valued attributes SS (PS3.3 C.7.6.3.1).
            return PixelRepresentationOf(dataset) == 1 ? DicomVR.SS : DicomVR.US;
        }

        return vr;
    }

    private static int PixelRepresentationOf(DicomDataset? dataset)
    {
        for (DicomDataset? d = dataset; d is not null; d = d.Parent)
        {
            if (d.TryGetInt32(PixelRepresentation, out int value))
            {
                return value;
            }
        }

        return -1;
    }
}
