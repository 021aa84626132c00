namespace Edge.Dicom.Tests;

/// <summary>Corpus files by name and small synthetic datasets shared by several test classes.</summary>
internal static class TestFiles
{
    public static string Corpus(string name) => PydicomCorpus.FullPath(Path.Combine("test_files", name));

    /// <summary>A minimal CT-like dataset with a sequence, text, numbers and 16-bit pixel data.</summary>
    public static DicomDataset SmallCt(int rows = 4, int columns = 4)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage);
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5");
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CT");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Müller^Jürgen");
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "ID1");
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.3.9");
        ds.SetSequence(DicomTags.ReferencedImageSequence, item);
        ds.SetDecimalString(DicomTags.ImagePositionPatient, -125.5, -130, 42.25);
        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(DicomTags.Rows, (ushort)rows);
        ds.SetUInt16(DicomTags.Columns, (ushort)columns);
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        ds.SetUInt16(DicomTags.BitsStored, 12);
        ds.SetUInt16(DicomTags.HighBit, 11);
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
        ds.SetDecimalString(DicomTags.RescaleSlope, 1);
        byte[] pixels = new byte[rows * columns * 2];
        for (int i = 0; i < rows * columns; i++)
        {
            pixels[i * 2] = (byte)i;
            pixels[(i * 2) + 1] = (byte)(i >> 8);
        }

        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, pixels);
        return ds;
    }

    public static byte[] Part10(DicomDataset dataset, DicomTransferSyntax ts)
    {
        using var stream = new MemoryStream();
        DicomWriter.WritePart10(stream, DicomWriter.CreateFileMetaInformation(DicomUids.CTImageStorage, "1.2.3.4.5", ts), dataset, ts);
        return stream.ToArray();
    }
}
