using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Edge.Dicom;

public sealed partial class DicomPixelData
{
    /// <summary>
    /// Decodes frame <paramref name="frame"/> (0-based) into <paramref name="destination"/> in native layout:
    /// interleaved samples, little endian, <see cref="BytesPerSample"/> bytes each, values masked to Bits Stored
    /// (unsigned) or sign-extended from it (signed). Single-bit images give one byte (0 or 1) per pixel.
    /// </summary>
    public void DecodeFrame(int frame, Span<byte> destination)
    {
        CheckFrame(frame);
        if (destination.Length < FrameLengthInBytes)
        {
            throw new ArgumentException($"a frame needs {FrameLengthInBytes} bytes; the destination has {destination.Length}", nameof(destination));
        }

        Span<byte> output = destination[..FrameLengthInBytes];
        if (_pixelItem is DicomElement element)
        {
            DecodeNative(element, frame, output);
        }
        else
        {
            DecodeEncapsulated((DicomFragmentSequence)_pixelItem, frame, output);
        }

        PixelConverter.ApplyBitsStored(output, BitsAllocated, BitsStored, HighBit, IsSigned);
    }

    /// <summary>Decodes a frame into typed samples; <typeparamref name="T"/> must be <see cref="BytesPerSample"/> wide.</summary>
    public void DecodeFrame<T>(int frame, Span<T> destination)
        where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() != BytesPerSample)
        {
            throw new ArgumentException($"{typeof(T).Name} samples are {Unsafe.SizeOf<T>()} bytes; this image has {BytesPerSample}-byte samples", nameof(destination));
        }

        DecodeFrame(frame, MemoryMarshal.AsBytes(destination));
    }

    /// <summary>
    /// A frame as a typed array matching the image: <see cref="byte"/>/<see cref="sbyte"/>, <see cref="ushort"/>/<see cref="short"/>
    /// or <see cref="uint"/>/<see cref="int"/> by Bits Allocated and Pixel Representation (single-bit images give bytes).
    /// </summary>
    public Array GetFrame(int frame)
    {
        int count = FrameLengthInBytes / BytesPerSample;
        Array array = (BytesPerSample, IsSigned && BitsAllocated != 1) switch
        {
            (1, false) => new byte[count],
            (1, true) => new sbyte[count],
            (2, false) => new ushort[count],
            (2, true) => new short[count],
            (_, false) => new uint[count],
            _ => new int[count],
        };

        DecodeFrame(frame, MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(array), FrameLengthInBytes));
        return array;
    }

    /// <summary>A frame's decoded bytes in native layout.</summary>
    public byte[] GetFrameBytes(int frame)
    {
        byte[] bytes = new byte[FrameLengthInBytes];
        DecodeFrame(frame, bytes);
        return bytes;
    }

    private void CheckFrame(int frame)
    {
        if ((uint)frame >= (uint)NumberOfFrames)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"the image has {NumberOfFrames} frame(s)");
        }
    }

    private bool IsYbr422Native => _pixelItem is DicomElement && PhotometricInterpretation == "YBR_FULL_422";

    /// <summary>Bytes one frame occupies in native Pixel Data (single-bit frames are handled in bits).</summary>
    private int StoredFrameLength => IsYbr422Native ? Rows * Columns * 2 : FrameLengthInBytes;

    private void DecodeNative(DicomElement element, int frame, Span<byte> output)
    {
        ReadOnlySpan<byte> source = element.RawValue.Span;
        if (BitsAllocated == 1)
        {
            UnpackBits(source, frame, output);
            return;
        }

        DecodeNativeBytes(source, element.VR, frame, output);
    }

    private void DecodeNativeBytes(ReadOnlySpan<byte> source, DicomVR vr, int frame, Span<byte> output)
    {
        int stored = StoredFrameLength;
        long start = (long)frame * stored;
        if (start + stored > source.Length)
        {
            throw new DicomFormatException(
                DicomFormatError.InvalidLength,
                $"Pixel Data holds {source.Length} bytes; frame {frame} of {NumberOfFrames} needs bytes {start} to {start + stored}",
                -1,
                DicomTags.PixelData);
        }

        ReadOnlySpan<byte> data = source.Slice((int)start, stored);
        if (IsYbr422Native)
        {
            Upsample422(data, output);
        }
        else if (PlanarConfiguration == 1 && SamplesPerPixel > 1)
        {
            Interleave(data, output);
        }
        else
        {
            data.CopyTo(output);
        }

        if (TransferSyntax.IsBigEndian)
        {
            FixBigEndianSwap(output, vr);
        }
    }

    /// <summary>
    /// The reader swaps big-endian values in units of their VR (2 for OW, none for OB); pixel samples need units of
    /// Bits Allocated. Undo the reader's unit and apply the sample's where the two differ (e.g. 32-bit samples in OW).
    /// </summary>
    private void FixBigEndianSwap(Span<byte> output, DicomVR vr)
    {
        int readerUnit = vr.SwapSize();
        int sampleUnit = BytesPerSample;
        if (readerUnit == sampleUnit)
        {
            return;
        }

        ByteSwap.InPlace(output, readerUnit);
        ByteSwap.InPlace(output, sampleUnit);
    }

    private void Interleave(ReadOnlySpan<byte> planar, Span<byte> output)
    {
        int pixels = Rows * Columns;
        int bps = BytesPerSample;
        int samples = SamplesPerPixel;
        for (int s = 0; s < samples; s++)
        {
            ReadOnlySpan<byte> plane = planar.Slice(s * pixels * bps, pixels * bps);
            for (int p = 0; p < pixels; p++)
            {
                plane.Slice(p * bps, bps).CopyTo(output.Slice(((p * samples) + s) * bps, bps));
            }
        }
    }

    /// <summary>YBR_FULL_422 stores Y1 Y2 Cb Cr for each horizontal pair (PS3.3 C.7.6.3.1.2); give each pixel its Cb Cr.</summary>
    private static void Upsample422(ReadOnlySpan<byte> data, Span<byte> output)
    {
        for (int i = 0, o = 0; i + 3 < data.Length; i += 4, o += 6)
        {
            byte cb = data[i + 2];
            byte cr = data[i + 3];
            output[o] = data[i];
            output[o + 1] = cb;
            output[o + 2] = cr;
            output[o + 3] = data[i + 1];
            output[o + 4] = cb;
            output[o + 5] = cr;
        }
    }

    /// <summary>Single-bit pixels are packed eight to a byte, first pixel in the least significant bit (PS3.5 §8.1.1).</summary>
    private void UnpackBits(ReadOnlySpan<byte> source, int frame, Span<byte> output)
    {
        long bits = (long)Rows * Columns * SamplesPerPixel;
        long first = frame * bits;
        if ((first + bits + 7) / 8 > source.Length)
        {
            throw new DicomFormatException(
                DicomFormatError.InvalidLength,
                $"Pixel Data holds {source.Length} bytes; single-bit frame {frame} of {NumberOfFrames} needs {(first + bits + 7) / 8}",
                -1,
                DicomTags.PixelData);
        }

        for (long i = 0; i < bits; i++)
        {
            long bit = first + i;
            output[(int)i] = (byte)((source[(int)(bit >> 3)] >> (int)(bit & 7)) & 1);
        }
    }

    private static bool IsSupportedEncapsulated(DicomTransferSyntax ts) =>
        ts == DicomTransferSyntax.RleLossless || IsJpegLossless(ts) || ts == DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian;

    private static bool IsJpegLossless(DicomTransferSyntax ts) => ts == DicomTransferSyntax.JpegLossless14 || ts == DicomTransferSyntax.JpegLosslessSV1;

    private void DecodeEncapsulated(DicomFragmentSequence sequence, int frame, Span<byte> output)
    {
        DicomTransferSyntax ts = TransferSyntax;
        if (!IsSupportedEncapsulated(ts))
        {
            throw new DicomUnsupportedTransferSyntaxException(ts);
        }

        if (BitsAllocated == 1)
        {
            throw new DicomFormatException(DicomFormatError.InvalidValue, $"{ts.Name} cannot carry single-bit pixels", -1, DicomTags.BitsAllocated);
        }

        EncapsulatedFrameIndex index = _frameIndex ??= EncapsulatedFrameIndex.Build(sequence, _dataset, NumberOfFrames, IsJpegLossless(ts));
        (int first, int count) = index[frame];
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> data = count == 1 ? sequence.Fragments[first].Span : Concatenate(sequence, first, count, out rented);
            if (ts == DicomTransferSyntax.RleLossless)
            {
                RleCodec.Decode(data, output, Rows, Columns, SamplesPerPixel, BitsAllocated);
            }
            else if (IsJpegLossless(ts))
            {
                JpegLosslessInfo info = JpegLosslessDecoder.ReadInfo(data);
                if (info.Width != Columns || info.Height != Rows || info.Components != SamplesPerPixel || info.Precision > BitsAllocated)
                {
                    throw new DicomFormatException(
                        DicomFormatError.InvalidValue,
                        $"JPEG frame {frame} is {info.Width}x{info.Height}x{info.Components} at {info.Precision} bits; the dataset declares {Columns}x{Rows}x{SamplesPerPixel} in {BitsAllocated}-bit samples",
                        -1,
                        DicomTags.PixelData);
                }

                JpegLosslessDecoder.Decode(data, output, BytesPerSample);
            }
            else
            {
                // Encapsulated Uncompressed Explicit VR Little Endian: each frame's fragments are its native bytes.
                DecodeNativeBytes(data, DicomVR.OB, 0, output);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> Concatenate(DicomFragmentSequence sequence, int first, int count, out byte[] rented)
    {
        long total = 0;
        for (int i = first; i < first + count; i++)
        {
            total += sequence.GetFragmentLength(i);
        }

        if (total > Array.MaxLength)
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"a frame's fragments total {total} bytes", -1, DicomTags.PixelData);
        }

        rented = ArrayPool<byte>.Shared.Rent((int)total);
        int at = 0;
        for (int i = first; i < first + count; i++)
        {
            ReadOnlySpan<byte> fragment = sequence.Fragments[i].Span;
            fragment.CopyTo(rented.AsSpan(at));
            at += fragment.Length;
        }

        return rented.AsSpan(0, at);
    }
}
