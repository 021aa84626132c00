using System.Buffers;

namespace Edge.Dicom;

/// <summary>An <see cref="IBufferWriter{T}"/> over a stream through one pooled buffer, flushed when full.</summary>
internal sealed class StreamBufferWriter(Stream stream) : IBufferWriter<byte>, IDisposable
{
    private const int BufferSize = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    public void Advance(int count) => _used += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_used);
    }

    public void Flush()
    {
        if (_used > 0)
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _used >= sizeHint)
        {
            return;
        }

        Flush();
        if (sizeHint > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
        }
    }
}
