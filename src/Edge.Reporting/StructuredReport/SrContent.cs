using Edge.Dicom;
using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Reporting.Dicom;

namespace Edge.Reporting.StructuredReport;

/// <summary>
/// SR content items (PS3.3 C.17.3, Document Content Macro and Content Item Macro): each returns the sequence item for
/// one node, its children already in its Content Sequence.
/// </summary>
internal static class SrContent
{
    public static DicomDataset Container(string? relationship, CodedConcept concept, IEnumerable<DicomDataset> children)
    {
        DicomDataset item = Node(relationship, "CONTAINER", concept);
        item.AddOrUpdate(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        return WithChildren(item, children);
    }

    public static DicomDataset Text(string relationship, CodedConcept concept, string text)
    {
        DicomDataset item = Node(relationship, "TEXT", concept);
        DicomText.Set(item, DicomTags.TextValue, DicomVR.UT, text);
        return item;
    }

    public static DicomDataset Code(string relationship, CodedConcept concept, CodedConcept value, params DicomDataset[] children)
    {
        DicomDataset item = Node(relationship, "CODE", concept);
        CodeItems.Set(item, DicomTags.ConceptCodeSequence, value);
        return WithChildren(item, children);
    }

    public static DicomDataset UidRef(string relationship, CodedConcept concept, string uid)
    {
        DicomDataset item = Node(relationship, "UIDREF", concept);
        item.AddOrUpdate(DicomTags.UID, DicomVR.UI, uid);
        return item;
    }

    /// <summary>
    /// A NUM item. Numeric Value (DS) carries the value rounded to <paramref name="decimals"/> places, as a reader
    /// should see it; Floating Point Value (FD) carries it exactly (PS3.3 Table C.18.1-1).
    /// </summary>
    public static DicomDataset Num(string relationship, CodedConcept concept, double value, CodedConcept units, int decimals, params DicomDataset[] children)
    {
        DicomDataset item = Node(relationship, "NUM", concept);
        var measured = new DicomDataset();
        CodeItems.Set(measured, DicomTags.MeasurementUnitsCodeSequence, units);
        measured.SetDecimalString(DicomTags.NumericValue, Math.Round(value, decimals, MidpointRounding.AwayFromZero));
        measured.SetDouble(DicomTags.FloatingPointValue, value);
        item.SetSequence(DicomTags.MeasuredValueSequence, measured);
        return WithChildren(item, children);
    }

    /// <summary>An IMAGE item; <paramref name="concept"/> may be omitted (image library entries, PS3.3 C.17.3.2.2).</summary>
    public static DicomDataset Image(string relationship, CodedConcept? concept, DicomDataset referencedSop)
    {
        DicomDataset item = Node(relationship, "IMAGE", concept);
        item.SetSequence(DicomTags.ReferencedSOPSequence, referencedSop);
        return item;
    }

    /// <summary>A SCOORD3D POINT in the patient coordinates of a frame of reference.</summary>
    public static DicomDataset Point(string relationship, CodedConcept concept, Vector3D point, string frameOfReferenceUid)
    {
        DicomDataset item = Node(relationship, "SCOORD3D", concept);
        item.AddOrUpdate(DicomTags.GraphicType, DicomVR.CS, "POINT");
        item.SetSingle(DicomTags.GraphicData, (float)point.X, (float)point.Y, (float)point.Z);
        item.AddOrUpdate(DicomTags.ReferencedFrameOfReferenceUID, DicomVR.UI, frameOfReferenceUid);
        return item;
    }

    private static DicomDataset Node(string? relationship, string valueType, CodedConcept? concept)
    {
        var item = new DicomDataset();
        if (relationship is not null)
        {
            item.AddOrUpdate(DicomTags.RelationshipType, DicomVR.CS, relationship);
        }

        item.AddOrUpdate(DicomTags.ValueType, DicomVR.CS, valueType);
        if (concept is not null)
        {
            CodeItems.Set(item, DicomTags.ConceptNameCodeSequence, concept);
        }

        return item;
    }

    private static DicomDataset WithChildren(DicomDataset item, IEnumerable<DicomDataset> children)
    {
        DicomDataset[] list = [.. children];
        if (list.Length > 0)
        {
            item.SetSequence(DicomTags.ContentSequence, list);
        }

        return item;
    }
}
