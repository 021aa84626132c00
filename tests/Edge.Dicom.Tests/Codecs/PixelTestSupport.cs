namespace Edge.Dicom.Tests.Codecs;

internal static class PixelTestSupport
{
    /// <summary>All frames of a file decoded and concatenated.</summary>
    public static byte[] AllFrames(string path) => AllFrames(DicomPixelData.FromFile(DicomFile.Open(path)));

    public static byte[] AllFrames(DicomPixelData pixels)
    {
        byte[] all = new byte[pixels.FrameLengthInBytes * pixels.NumberOfFrames];
        for (int f = 0; f < pixels.NumberOfFrames; f++)
        {
            pixels.DecodeFrame(f, all.AsSpan(f * pixels.FrameLengthInBytes, pixels.FrameLengthInBytes));
        }

        return all;
    }

    public static void AssertSamePixels(byte[] expected, byte[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} bytes, expected {expected.Length}");
        int same = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(same == expected.Length, $"{what}: first difference at byte {same}");
    }
}
