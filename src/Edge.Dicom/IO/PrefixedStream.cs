namespace Edge.Dicom;

/// <summary>A read-only stream that yields already-buffered bytes before continuing with the inner stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : ForwardReadStream
{
    private int _prefixPos;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _prefixPos);
            prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }

        return inner.Read(buffer);
    }
}
