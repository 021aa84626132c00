using System.Buffers;
using Edge.Dicom;

namespace Edge.Imaging.Assembly;

/// <summary>
/// The one place assembly touches pixel data: the data layer's decoder (native, RLE, JPEG Lossless) with the
/// Modality LUT applied, writing straight into the volume buffer. A native Pixel Data value still on disk (the
/// header-only read left it there) is read into a pooled buffer instead of a fresh array per file, so
/// assembling a series allocates no per-file pixel memory and its peak memory stays near the volume itself.
/// </summary>
internal sealed class FramePixels : IDisposable
{
    /// <summary>
    /// Pixel Data up to this size is read into a pooled buffer: 16 MiB holds a 2048² 32-bit frame. Larger
    /// (multi-frame) values load through the data layer, as pooling them would keep them alive.
    /// </summary>
    private const long PooledLimit = 16 << 20;

    private byte[]? _rented;

    private FramePixels(DicomPixelData pixels, byte[]? rented)
    {
        Pixels = pixels;
        _rented = rented;
    }

    public DicomPixelData Pixels { get; }

    public static FramePixels Open(DicomFile file, FrameHeader frame)
    {
        DicomDataset dataset = file.Dataset;
        byte[]? rented = null;
        if (dataset[DicomTags.PixelData] is DicomElement { BulkDataRange: { } range } element && range.Length <= PooledLimit)
        {
            int length = (int)range.Length;
            rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                range.ReadInto(rented.AsSpan(0, length));
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw;
            }

            dataset = dataset.Clone();
            dataset.AddOrUpdate(new DicomElement(DicomTags.PixelData, element.VR, rented.AsMemory(0, length)));
        }

        var result = new FramePixels(DicomPixelData.FromDataset(dataset, file.TransferSyntax), rented);
        try
        {
            result.Validate(frame);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void DecodeToHu(int frame, Span<float> destination) => Pixels.DecodeFrameToHu(frame, destination);

    public void Dispose()
    {
        byte[]? rented = Interlocked.Exchange(ref _rented, null);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Validate(FrameHeader frame)
    {
        if (Pixels.SamplesPerPixel != 1)
        {
            throw new VolumeAssemblyException($"{frame}: {Pixels.PhotometricInterpretation} with {Pixels.SamplesPerPixel} samples per pixel is not a CT image");
        }

        if (Pixels.Rows != frame.Rows || Pixels.Columns != frame.Columns)
        {
            throw new VolumeAssemblyException($"{frame}: pixel module is {Pixels.Rows}x{Pixels.Columns} but the header said {frame.Rows}x{frame.Columns}");
        }

        if (!Pixels.CanDecode)
        {
            throw new VolumeAssemblyException($"{frame}: transfer syntax {Pixels.TransferSyntax.Name} ({Pixels.TransferSyntax.Uid}) cannot be decoded");
        }

        if (frame.FrameIndex >= Pixels.NumberOfFrames)
        {
            throw new VolumeAssemblyException($"{frame}: the pixel data holds only {Pixels.NumberOfFrames} frame(s)");
        }
    }
}
