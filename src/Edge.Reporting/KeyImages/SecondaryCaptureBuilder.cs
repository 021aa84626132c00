using Edge.Dicom;
using Edge.Imaging.Geometry;
using Edge.Reporting.Dicom;
using Edge.Reporting.Sources;

namespace Edge.Reporting.KeyImages;

/// <summary>
/// A key image as a Secondary Capture Image (PS3.3 A.8.1): RGB, 8 bits, the burned-in outline and texts declared
/// (Burned In Annotation YES), derived from and referencing the CT slice it shows.
/// </summary>
internal static class SecondaryCaptureBuilder
{
    public static DicomDataset Build(CompositeContext context, KeyImage image, SourceFrame frame, VolumeGeometry geometry, int instanceNumber, string seriesDescription, string derivation, string? comment)
    {
        string sop = context.Uids.For("sc/" + instanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        DicomDataset ds = context.Create(DicomUids.SecondaryCaptureImageStorage, sop, "OT", context.Uids.For("sc/series"), 2, seriesDescription, instanceNumber);
        // With the body part named, validators can tell Laterality (General Series, 2C for paired parts) is not needed.
        DatasetTranscoder.Copy(context.Source.Header, ds, DicomTags.BodyPartExamined);
        ds.AddOrUpdate(DicomTags.ConversionType, DicomVR.CS, "WSD");
        DicomText.Set(ds, DicomTags.SecondaryCaptureDeviceManufacturer, DicomVR.LO, CompositeContext.Manufacturer);
        DicomText.Set(ds, DicomTags.SecondaryCaptureDeviceManufacturerModelName, DicomVR.LO, CompositeContext.ModelName);
        DicomText.Set(ds, DicomTags.SecondaryCaptureDeviceSoftwareVersions, DicomVR.LO, context.SoftwareVersion);
        ds.SetDate(DicomTags.DateOfSecondaryCapture, DateOnly.FromDateTime(context.ContentTime));
        ds.SetTime(DicomTags.TimeOfSecondaryCapture, TimeOnly.FromDateTime(context.ContentTime), DicomDateTimePrecision.Second);

        ds.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        ds.AddOrUpdate(DicomTags.PatientOrientation, DicomVR.CS, Orientation(geometry.AxisX), Orientation(geometry.AxisY));
        DicomText.Set(ds, DicomTags.DerivationDescription, DicomVR.ST, derivation);
        ds.SetSequence(DicomTags.SourceImageSequence, ReferenceItems.SourceImage(frame));
        ds.AddOrUpdate(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
        ds.AddOrUpdate(DicomTags.RecognizableVisualFeatures, DicomVR.CS, "NO");
        ds.AddOrUpdate(DicomTags.LossyImageCompression, DicomVR.CS, "00");
        if (comment is not null)
        {
            DicomText.Set(ds, DicomTags.ImageComments, DicomVR.LT, comment);
        }

        ds.SetUInt16(DicomTags.SamplesPerPixel, 3);
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
        ds.SetUInt16(DicomTags.PlanarConfiguration, 0);
        ds.SetUInt16(DicomTags.Rows, checked((ushort)image.Height));
        ds.SetUInt16(DicomTags.Columns, checked((ushort)image.Width));
        ds.SetUInt16(DicomTags.BitsAllocated, 8);
        ds.SetUInt16(DicomTags.BitsStored, 8);
        ds.SetUInt16(DicomTags.HighBit, 7);
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OB, image.ToRgb());
        return ds;
    }

    /// <summary>
    /// The patient direction of an image axis (PS3.3 C.7.6.1.1.1): letters L/R, P/A, H/F for every component of
    /// weight, the strongest first (an oblique axis gets two or three).
    /// </summary>
    internal static string Orientation(Vector3D axis)
    {
        // Components under this share of the axis are noise from DS rounding or a small tilt, not a direction.
        const double Significant = 0.25;
        var parts = new List<(double Weight, char Letter)>(3)
        {
            (Math.Abs(axis.X), axis.X > 0 ? 'L' : 'R'),
            (Math.Abs(axis.Y), axis.Y > 0 ? 'P' : 'A'),
            (Math.Abs(axis.Z), axis.Z > 0 ? 'H' : 'F'),
        };
        return string.Concat(parts.Where(p => p.Weight >= Significant).OrderByDescending(p => p.Weight).Select(p => p.Letter));
    }
}
