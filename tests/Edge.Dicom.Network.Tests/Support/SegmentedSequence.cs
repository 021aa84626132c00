using System.Buffers;

namespace Edge.Dicom.Network.Tests.Support;

/// <summary>Builds a <see cref="ReadOnlySequence{T}"/> out of many small segments, to exercise the multi-segment parsing paths.</summary>
internal static class SegmentedSequence
{
    public static ReadOnlySequence<byte> Create(ReadOnlySpan<byte> data, int segmentSize)
    {
        if (data.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        Segment first = new(data[..Math.Min(segmentSize, data.Length)].ToArray(), 0);
        Segment last = first;
        for (int i = segmentSize; i < data.Length; i += segmentSize)
        {
            last = last.Append(data.Slice(i, Math.Min(segmentSize, data.Length - i)).ToArray());
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
