namespace Edge.Reporting.Segmentation;

/// <summary>
/// Packs binary frames for Bits Allocated 1 (PS3.5 §8.1.1, §8.2): pixel after pixel, frame after frame with no
/// padding between frames, the first pixel in the least significant bit of the first byte; the whole value padded to
/// an even length.
/// </summary>
internal sealed class BinaryFramePacker
{
    private readonly byte[] _bits;
    private readonly int _frameLength;
    private int _frames;

    public BinaryFramePacker(int frameCount, int frameLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameLength);
        long bytes = ((long)frameCount * frameLength + 7) / 8;
        _bits = new byte[checked((int)(bytes + (bytes & 1)))];
        _frameLength = frameLength;
        FrameCount = frameCount;
    }

    public int FrameCount { get; }

    /// <summary>Appends a frame: pixel i is set where <paramref name="values"/>[i] equals <paramref name="segment"/>.</summary>
    public void Add(ReadOnlySpan<byte> values, byte segment)
    {
        if (values.Length != _frameLength)
        {
            throw new ArgumentException($"a frame has {_frameLength} pixels, got {values.Length}", nameof(values));
        }

        if (_frames == FrameCount)
        {
            throw new InvalidOperationException($"all {FrameCount} frames are already packed");
        }

        long bit = (long)_frames * _frameLength;
        for (int i = 0; i < values.Length; i++, bit++)
        {
            if (values[i] == segment)
            {
                _bits[bit >> 3] |= (byte)(1 << (int)(bit & 7));
            }
        }

        _frames++;
    }

    public byte[] ToArray() => _frames == FrameCount
        ? _bits
        : throw new InvalidOperationException($"{_frames} of {FrameCount} frames packed");
}
