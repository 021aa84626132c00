using System.Globalization;

namespace Edge.Dicom;

/// <summary>
/// The Image Pixel module of a dataset (PS3.3 C.7.6.3) and access to its frames: native, RLE Lossless and JPEG
/// Lossless (Process 14) pixel data decode to native layout (interleaved samples, little endian, values masked
/// to Bits Stored and sign-extended), and grayscale frames convert through the Modality LUT to HU.
/// Every attribute is validated when the object is built; frame data is checked against its declared size
/// before it is touched.
/// </summary>
public sealed partial class DicomPixelData
{
    private readonly DicomDataset _dataset;
    private readonly DicomItem _pixelItem;
    private EncapsulatedFrameIndex? _frameIndex;

    private DicomPixelData(DicomDataset dataset, DicomTransferSyntax transferSyntax, DicomItem pixelItem)
    {
        _dataset = dataset;
        _pixelItem = pixelItem;
        TransferSyntax = transferSyntax;
    }

    public int Rows { get; private init; }

    public int Columns { get; private init; }

    public int SamplesPerPixel { get; private init; }

    public int BitsAllocated { get; private init; }

    public int BitsStored { get; private init; }

    public int HighBit { get; private init; }

    /// <summary>0 unsigned, 1 two's complement (PS3.3 C.7.6.3.1.4).</summary>
    public int PixelRepresentation { get; private init; }

    /// <summary>0 interleaved (R1G1B1R2...), 1 planar (R1R2...G1G2...B1B2...); decoded frames are always interleaved.</summary>
    public int PlanarConfiguration { get; private init; }

    public int NumberOfFrames { get; private init; }

    public string PhotometricInterpretation { get; private init; } = "MONOCHROME2";

    /// <summary>Rescale Slope (0028,1053), 1 when absent; enhanced multi-frame images may vary it per frame.</summary>
    public double RescaleSlope { get; private init; } = 1;

    /// <summary>Rescale Intercept (0028,1052), 0 when absent.</summary>
    public double RescaleIntercept { get; private init; }

    public DicomTransferSyntax TransferSyntax { get; }

    public bool IsSigned => PixelRepresentation == 1;

    /// <summary>True when the pixel data is a fragment sequence (PS3.5 §A.4).</summary>
    public bool IsEncapsulated => _pixelItem is DicomFragmentSequence;

    /// <summary>Bytes of one sample in a decoded frame (single-bit images decode to one byte per pixel).</summary>
    public int BytesPerSample => BitsAllocated == 1 ? 1 : BitsAllocated / 8;

    /// <summary>
    /// Bytes of one decoded frame: rows x columns x samples x bytes per sample (native YBR_FULL_422 data, stored
    /// as two bytes per pixel, is upsampled to three).
    /// </summary>
    public int FrameLengthInBytes { get; private init; }

    /// <summary>Pixels of one frame (rows x columns).</summary>
    public int PixelCount => Rows * Columns;

    /// <summary>True when frames can be decoded: native, RLE Lossless or JPEG Lossless pixel data.</summary>
    public bool CanDecode => !IsEncapsulated || IsSupportedEncapsulated(TransferSyntax);

    /// <summary>Builds the pixel description of a file's dataset.</summary>
    public static DicomPixelData FromFile(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return FromDataset(file.Dataset, file.TransferSyntax);
    }

    /// <summary>
    /// Reads and validates the Image Pixel module. Throws <see cref="DicomFormatException"/> naming the attribute
    /// when one is missing or out of range, or when there is no Pixel Data.
    /// </summary>
    public static DicomPixelData FromDataset(DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        DicomItem pixelItem = dataset[DicomTags.PixelData] ?? throw Invalid(DicomTags.PixelData, "the dataset has no Pixel Data (7FE0,0010)");
        if (pixelItem is not (DicomElement or DicomFragmentSequence))
        {
            throw Invalid(DicomTags.PixelData, "Pixel Data (7FE0,0010) is neither a value nor a fragment sequence");
        }

        int rows = RequiredUInt16(dataset, DicomTags.Rows, "Rows");
        int columns = RequiredUInt16(dataset, DicomTags.Columns, "Columns");
        int samples = OptionalUInt16(dataset, DicomTags.SamplesPerPixel, "Samples per Pixel", 1);
        int bitsAllocated = RequiredUInt16(dataset, DicomTags.BitsAllocated, "Bits Allocated");
        int bitsStored = OptionalUInt16(dataset, DicomTags.BitsStored, "Bits Stored", bitsAllocated);
        int highBit = OptionalUInt16(dataset, DicomTags.HighBit, "High Bit", bitsStored - 1);
        int representation = OptionalUInt16(dataset, DicomTags.PixelRepresentation, "Pixel Representation", 0);
        int planar = samples > 1 ? OptionalUInt16(dataset, DicomTags.PlanarConfiguration, "Planar Configuration", 0) : 0;
        string photometric = dataset.GetString(DicomTags.PhotometricInterpretation)?.Trim() is { Length: > 0 } pi ? pi : (samples == 1 ? "MONOCHROME2" : "RGB");

        // Limits of PS3.3 C.7.6.3.1: one to four samples (ARGB/CMYK are retired but met), 1/8/16/32-bit containers.
        if (rows == 0 || columns == 0)
        {
            throw Invalid(rows == 0 ? DicomTags.Rows : DicomTags.Columns, $"image is {rows} x {columns}");
        }

        if (samples is < 1 or > 4)
        {
            throw Invalid(DicomTags.SamplesPerPixel, $"Samples per Pixel is {samples}; 1 to 4 are valid");
        }

        if (bitsAllocated is not (1 or 8 or 16 or 32))
        {
            throw Invalid(DicomTags.BitsAllocated, $"Bits Allocated is {bitsAllocated}; Edge decodes 1, 8, 16 and 32");
        }

        if (bitsStored < 1 || bitsStored > bitsAllocated)
        {
            throw Invalid(DicomTags.BitsStored, $"Bits Stored is {bitsStored} with Bits Allocated {bitsAllocated}");
        }

        if (highBit < bitsStored - 1 || highBit >= bitsAllocated)
        {
            throw Invalid(DicomTags.HighBit, $"High Bit is {highBit} with Bits Stored {bitsStored} and Bits Allocated {bitsAllocated}");
        }

        if (representation is not (0 or 1))
        {
            throw Invalid(DicomTags.PixelRepresentation, $"Pixel Representation is {representation}; 0 and 1 are valid");
        }

        if (planar is not (0 or 1))
        {
            throw Invalid(DicomTags.PlanarConfiguration, $"Planar Configuration is {planar}; 0 and 1 are valid");
        }

        bool ybr422 = photometric == "YBR_FULL_422" && pixelItem is DicomElement;
        if (ybr422 && (samples != 3 || bitsAllocated != 8 || columns % 2 != 0))
        {
            throw Invalid(DicomTags.PhotometricInterpretation, $"YBR_FULL_422 needs 3 samples of 8 bits and an even number of columns, not {samples} x {bitsAllocated} bits x {columns}");
        }

        int frames = 1;
        if (dataset.Contains(DicomTags.NumberOfFrames))
        {
            if (!dataset.TryGetInt32(DicomTags.NumberOfFrames, out frames) || frames < 0)
            {
                throw Invalid(DicomTags.NumberOfFrames, $"Number of Frames '{dataset.GetString(DicomTags.NumberOfFrames)}' is not a frame count");
            }

            // Zero frames is invalid (PS3.3 C.7.6.6) but written by some converters for single images.
            frames = Math.Max(frames, 1);
        }

        long frameLength = (long)rows * columns * samples * (bitsAllocated == 1 ? 1 : bitsAllocated / 8);
        if (frameLength > Array.MaxLength)
        {
            throw Invalid(DicomTags.PixelData, $"a frame of {rows} x {columns} x {samples} x {bitsAllocated} bits is larger than {Array.MaxLength} bytes");
        }

        (double slope, double intercept) = ReadRescale(dataset, 1, 0);
        return new DicomPixelData(dataset, transferSyntax, pixelItem)
        {
            Rows = rows,
            Columns = columns,
            SamplesPerPixel = samples,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            PixelRepresentation = representation,
            PlanarConfiguration = planar,
            NumberOfFrames = frames,
            PhotometricInterpretation = photometric,
            RescaleSlope = slope,
            RescaleIntercept = intercept,
            FrameLengthInBytes = (int)frameLength,
        };
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rows}x{Columns} {PhotometricInterpretation} {SamplesPerPixel}x{BitsStored}/{BitsAllocated} bits {(IsSigned ? "signed" : "unsigned")}, {NumberOfFrames} frame(s), {TransferSyntax.Name}");

    private static int RequiredUInt16(DicomDataset dataset, DicomTag tag, string name)
    {
        if (!dataset.Contains(tag))
        {
            throw Invalid(tag, $"the image has no {name} {tag}");
        }

        return OptionalUInt16(dataset, tag, name, 0);
    }

    private static int OptionalUInt16(DicomDataset dataset, DicomTag tag, string name, int fallback)
    {
        if (!dataset.Contains(tag) || dataset.GetValueCount(tag) == 0)
        {
            return fallback;
        }

        if (!dataset.TryGetUInt16(tag, out ushort value))
        {
            throw Invalid(tag, $"{name} {tag} '{dataset.GetString(tag)}' is not an unsigned 16-bit value");
        }

        return value;
    }

    /// <summary>Rescale Slope/Intercept of a dataset or functional group item; absent values keep the fallbacks.</summary>
    private static (double Slope, double Intercept) ReadRescale(DicomDataset dataset, double slope, double intercept)
    {
        if (dataset.TryGetDouble(DicomTags.RescaleSlope, out double s))
        {
            slope = double.IsFinite(s) ? s : throw Invalid(DicomTags.RescaleSlope, $"Rescale Slope '{dataset.GetString(DicomTags.RescaleSlope)}' is not a finite number");
        }

        if (dataset.TryGetDouble(DicomTags.RescaleIntercept, out double i))
        {
            intercept = double.IsFinite(i) ? i : throw Invalid(DicomTags.RescaleIntercept, $"Rescale Intercept '{dataset.GetString(DicomTags.RescaleIntercept)}' is not a finite number");
        }

        return (slope, intercept);
    }

    private static DicomFormatException Invalid(DicomTag tag, string reason) => new(DicomFormatError.InvalidValue, reason, -1, tag);
}
