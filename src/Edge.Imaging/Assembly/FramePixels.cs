using Edge.Dicom;

namespace Edge.Imaging.Assembly;

/// <summary>
/// The one place assembly touches pixel data: the data layer's decoder (native, RLE, JPEG Lossless), with the
/// Modality LUT applied, writing straight into the volume buffer.
/// </summary>
internal static class FramePixels
{
    public static DicomPixelData Open(DicomFile file, FrameHeader frame)
    {
        DicomPixelData pixels = DicomPixelData.FromFile(file);
        if (pixels.SamplesPerPixel != 1)
        {
            throw new VolumeAssemblyException($"{frame}: {pixels.PhotometricInterpretation} with {pixels.SamplesPerPixel} samples per pixel is not a CT image");
        }

        if (pixels.Rows != frame.Rows || pixels.Columns != frame.Columns)
        {
            throw new VolumeAssemblyException($"{frame}: pixel module is {pixels.Rows}x{pixels.Columns} but the header said {frame.Rows}x{frame.Columns}");
        }

        if (!pixels.CanDecode)
        {
            throw new VolumeAssemblyException($"{frame}: transfer syntax {pixels.TransferSyntax.Name} ({pixels.TransferSyntax.Uid}) cannot be decoded");
        }

        return pixels;
    }

    public static void DecodeToHu(DicomPixelData pixels, int frame, Span<float> destination) => pixels.DecodeFrameToHu(frame, destination);
}
