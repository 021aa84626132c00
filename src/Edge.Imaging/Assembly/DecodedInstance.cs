using Edge.Dicom;

namespace Edge.Imaging.Assembly;

/// <summary>
/// One received file read and decoded ahead of assembly, while its series is still arriving: its frame headers, with
/// its frames in HU attached to their <see cref="SourceFile"/>. Assembly then skips the header read and the decode for
/// it (<see cref="SeriesScanner.ScanFiles"/> takes known frames; <see cref="VolumeAssembler"/> copies attached ones).
/// Decoding runs the same checks and the same decoder as assembly does, so the volume is identical either way.
/// </summary>
public sealed class DecodedInstance
{
    private DecodedInstance(string path, IReadOnlyList<FrameHeader> frames, long bytes)
    {
        Path = path;
        Frames = frames;
        Bytes = bytes;
    }

    public string Path { get; }

    public IReadOnlyList<FrameHeader> Frames { get; }

    /// <summary>Memory the decoded frames hold.</summary>
    public long Bytes { get; }

    /// <summary>What decoding <paramref name="frames"/> would hold, before decoding it: rows × columns × 4 bytes per frame.</summary>
    public static long BytesFor(IReadOnlyList<FrameHeader> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return frames.Sum(f => (long)f.Rows * f.Columns * sizeof(float));
    }

    /// <summary>Reads the header of <paramref name="path"/> (its frame headers, bounded by <see cref="FrameHeaderReader"/>).</summary>
    public static IReadOnlyList<FrameHeader> ReadHeaders(string path)
    {
        DicomFile file = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
        return FrameHeaderReader.Read(new SourceFile(path, file), file);
    }

    /// <summary>
    /// Decodes every frame of a file whose headers <see cref="ReadHeaders"/> returned. Throws what assembly would throw
    /// for the file (<see cref="VolumeAssemblyException"/>, <see cref="DicomFormatException"/>, <see cref="IOException"/> ...);
    /// a caller that only prefetches drops the file and lets assembly meet the error.
    /// </summary>
    public static DecodedInstance Decode(IReadOnlyList<FrameHeader> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("a file has at least one frame", nameof(frames));
        }

        SourceFile source = frames[0].Source;
        try
        {
            using FramePixels pixels = FramePixels.Open(source.OpenForPixels(), frames[0]);
            var decoded = new float[frames.Count][];
            for (int i = 0; i < frames.Count; i++)
            {
                FrameHeader frame = frames[i];
                if (frame.FrameIndex != i || frame.Source != source)
                {
                    throw new ArgumentException("frames must be one file's, in frame order, as ReadHeaders returns them", nameof(frames));
                }

                decoded[i] = GC.AllocateUninitializedArray<float>(frame.Rows * frame.Columns);
                pixels.DecodeToHu(i, decoded[i]);
            }

            source.Attach(decoded);
            return new DecodedInstance(source.Path, frames, BytesFor(frames));
        }
        finally
        {
            source.Release();
        }
    }
}
