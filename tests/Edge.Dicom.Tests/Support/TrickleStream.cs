namespace Edge.Dicom.Tests;

/// <summary>A forward-only stream that returns at most <paramref name="chunk"/> bytes per read, as a slow socket does.</summary>
internal class TrickleStream(byte[] bytes, int chunk) : ForwardReadStream
{
    private int _position;

    public long BytesRead => _position;

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, chunk), bytes.Length - _position);
        bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
