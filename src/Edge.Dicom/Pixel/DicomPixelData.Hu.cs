using System.Buffers;

namespace Edge.Dicom;

public sealed partial class DicomPixelData
{
    /// <summary>
    /// The linear Modality LUT of a frame (PS3.3 C.11.1): Rescale Slope and Intercept of the Pixel Value
    /// Transformation in the frame's Per-Frame Functional Groups, else the Shared Functional Groups
    /// (enhanced multi-frame, PS3.3 C.7.6.16.2.9), else the top-level attributes, else 1 and 0.
    /// </summary>
    public (double Slope, double Intercept) GetRescale(int frame)
    {
        CheckFrame(frame);
        (double slope, double intercept) = (RescaleSlope, RescaleIntercept);
        if (FirstItem(_dataset.GetSequence(DicomTags.SharedFunctionalGroupsSequence), 0) is { } shared
            && FirstItem(shared.GetSequence(DicomTags.PixelValueTransformationSequence), 0) is { } sharedTransform)
        {
            (slope, intercept) = ReadRescale(sharedTransform, slope, intercept);
        }

        if (FirstItem(_dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence), frame) is { } perFrame
            && FirstItem(perFrame.GetSequence(DicomTags.PixelValueTransformationSequence), 0) is { } frameTransform)
        {
            (slope, intercept) = ReadRescale(frameTransform, slope, intercept);
        }

        return (slope, intercept);
    }

    /// <summary>
    /// Decodes a grayscale frame and applies the Modality LUT, giving Hounsfield units for CT. Native 16-bit data
    /// converts straight from the stored bytes in one vectorised pass, with no intermediate buffer.
    /// </summary>
    public void DecodeFrameToHu(int frame, Span<float> destination)
    {
        CheckFrame(frame);
        if (SamplesPerPixel != 1)
        {
            throw new InvalidOperationException($"the Modality LUT applies to single-sample images; this one is {PhotometricInterpretation} with {SamplesPerPixel} samples");
        }

        if (destination.Length < PixelCount)
        {
            throw new ArgumentException($"a frame has {PixelCount} pixels; the destination has {destination.Length}", nameof(destination));
        }

        (double slope, double intercept) = GetRescale(frame);
        if (_pixelItem is DicomElement element && BitsAllocated == 16 && (!TransferSyntax.IsBigEndian || element.VR.SwapSize() == 2))
        {
            ReadOnlySpan<byte> source = element.RawValue.Span;
            long start = (long)frame * FrameLengthInBytes;
            if (start + FrameLengthInBytes > source.Length)
            {
                throw new DicomFormatException(
                    DicomFormatError.InvalidLength,
                    $"Pixel Data holds {source.Length} bytes; frame {frame} of {NumberOfFrames} needs bytes {start} to {start + FrameLengthInBytes}",
                    -1,
                    DicomTags.PixelData);
            }

            PixelConverter.Convert16(source.Slice((int)start, FrameLengthInBytes), destination[..PixelCount], BitsStored, HighBit, IsSigned, (float)slope, (float)intercept);
            return;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(FrameLengthInBytes);
        try
        {
            DecodeFrame(frame, buffer);
            PixelConverter.ConvertDecoded(buffer.AsSpan(0, FrameLengthInBytes), destination[..PixelCount], BitsAllocated, IsSigned, slope, intercept);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A frame in HU (or the modality's units) as a new array.</summary>
    public float[] GetFrameHu(int frame)
    {
        float[] values = new float[PixelCount];
        DecodeFrameToHu(frame, values);
        return values;
    }

    private static DicomDataset? FirstItem(DicomSequence? sequence, int index) =>
        sequence is not null && index < sequence.Items.Count ? sequence.Items[index] : null;
}
