using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Tests.Support;

internal static class DicomAssert
{
    /// <summary>Every frame decodes to the same pixels: the oracle for "arrived with pixel data equal to the original".</summary>
    public static void SamePixels(string expectedPath, string actualPath)
    {
        DicomFile expected = DicomFile.Open(expectedPath);
        DicomFile actual = DicomFile.Open(actualPath);
        DicomPixelData a = DicomPixelData.FromFile(expected);
        DicomPixelData b = DicomPixelData.FromFile(actual);
        Assert.Equal((a.Rows, a.Columns, a.NumberOfFrames, a.BitsAllocated), (b.Rows, b.Columns, b.NumberOfFrames, b.BitsAllocated));
        byte[] frameA = new byte[a.FrameLengthInBytes];
        byte[] frameB = new byte[b.FrameLengthInBytes];
        for (int frame = 0; frame < a.NumberOfFrames; frame++)
        {
            a.DecodeFrame(frame, frameA);
            b.DecodeFrame(frame, frameB);
            Assert.True(frameA.AsSpan().SequenceEqual(frameB), $"frame {frame} of {actualPath} differs from {expectedPath}");
        }
    }

    /// <summary>The stored file is where the layout says, and its meta header names the instance, syntax and sender.</summary>
    public static DicomFile StoredAsExpected(StoredInstance stored, string root, string expectedTransferSyntax, string callingAe)
    {
        Assert.Equal(Path.Combine(root, stored.StudyInstanceUid, stored.SeriesInstanceUid, stored.SopInstanceUid + ".dcm"), stored.Path);
        DicomFile file = DicomFile.Open(stored.Path);
        DicomDataset meta = file.FileMetaInformation;
        Assert.Equal(expectedTransferSyntax, meta.GetString(DicomTags.TransferSyntaxUID));
        Assert.Equal(stored.SopInstanceUid, meta.GetString(DicomTags.MediaStorageSOPInstanceUID));
        Assert.Equal(stored.SopClassUid, meta.GetString(DicomTags.MediaStorageSOPClassUID));
        Assert.Equal(callingAe, meta.GetString(DicomTags.SourceApplicationEntityTitle));
        Assert.Equal(stored.SopInstanceUid, file.Dataset.GetString(DicomTags.SOPInstanceUID));
        return file;
    }
}
