using Edge.Dicom;

namespace Edge.Benchmarks;

/// <summary>
/// A CT Image Storage instance with the shape scanners send: 512 x 512, 16 bits allocated, 12 stored, unsigned,
/// intercept -1024. The image is an ellipse of soft tissue with noise in air, so compressors see realistic data.
/// </summary>
internal static class SyntheticCt
{
    public static void Write(string path, int size, int seed)
    {
        var random = new Random(seed);
        ushort[] pixels = new ushort[size * size];
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                double dx = (x - (size / 2.0)) / (size * 0.42);
                double dy = (y - (size / 2.0)) / (size * 0.32);
                int hu = (dx * dx) + (dy * dy) < 1 ? 40 + random.Next(-30, 31) : -1000 + random.Next(-5, 6);
                pixels[(y * size) + x] = (ushort)(hu + 1024);
            }
        }

        var ds = new DicomDataset();
        string sop = "2.25." + ((ulong)random.NextInt64()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage);
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CT");
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.SetUInt16(DicomTags.Rows, (ushort)size);
        ds.SetUInt16(DicomTags.Columns, (ushort)size);
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        ds.SetUInt16(DicomTags.BitsStored, 12);
        ds.SetUInt16(DicomTags.HighBit, 11);
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
        ds.SetDecimalString(DicomTags.RescaleSlope, 1);
        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
        DicomDataset meta = DicomWriter.CreateFileMetaInformation(DicomUids.CTImageStorage, sop, DicomTransferSyntax.ExplicitVRLittleEndian);
        using FileStream stream = File.Create(path);
        DicomWriter.WritePart10(stream, meta, ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }
}
