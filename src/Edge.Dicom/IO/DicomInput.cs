using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom;

/// <summary>
/// The bytes the reader parses, from one of three sources:
/// <list type="bullet">
/// <item>memory: one array holding everything; values are slices of it (no copy);</item>
/// <item>file: a window over a file read with <see cref="RandomAccess"/>; large values are read straight into
/// their own arrays or left on disk as <see cref="DicomBulkDataRange"/>;</item>
/// <item>stream: a window over any stream, possibly of unknown length (deflate, network).</item>
/// </list>
/// Positions are absolute offsets from the start of the source. Every length is checked against what remains
/// before anything is allocated; for sources of unknown length, allocation grows with the bytes actually read.
/// </summary>
internal sealed class DicomInput : IDisposable
{
    /// <summary>Window for file and stream sources: holds a typical CT header (2-16 KiB) in one read.</summary>
    private const int WindowSize = 16 * 1024;

    /// <summary>Growth step for values from sources of unknown length, so a lying length costs at most 2x the real bytes.</summary>
    private const int UnknownLengthChunk = 1 << 20;

    private readonly Stream? _stream;
    private readonly long _streamStart;
    private readonly SafeFileHandle? _file;
    private readonly bool _writable;
    private readonly bool _pooled;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private long _origin;
    private long _length;

    private DicomInput(byte[] buffer, bool pooled, bool writable, Stream? stream, SafeFileHandle? file, string? path, long length)
    {
        _buffer = buffer;
        _pooled = pooled;
        _writable = writable;
        _stream = stream;
        _file = file;
        FilePath = path;
        _length = length;
        if (stream is not null && stream.CanSeek)
        {
            _streamStart = stream.Position;
        }
    }

    /// <summary>The file the bytes come from, for lazy ranges; null for memory and stream sources.</summary>
    public string? FilePath { get; }

    public bool IsMemory => _stream is null && _file is null;

    public bool IsFile => _file is not null;

    public long Position => _origin + _pos;

    /// <summary>Total length of the source, or -1 when unknown (deflate, non-seekable streams).</summary>
    public long Length => _length;

    /// <summary>Bytes left, or <see cref="long.MaxValue"/> when the length is unknown.</summary>
    public long Remaining => _length < 0 ? long.MaxValue : _length - Position;

    public int Buffered => _end - _pos;

    /// <summary>Memory source over <paramref name="buffer"/>; <paramref name="writable"/> allows in-place byte swapping.</summary>
    public static DicomInput FromMemory(byte[] buffer, bool writable)
        => new(buffer, pooled: false, writable, stream: null, file: null, path: null, buffer.Length) { _end = buffer.Length };

    public static DicomInput FromFile(SafeFileHandle file, string path, long length)
        => new(ArrayPool<byte>.Shared.Rent(WindowSize), pooled: true, writable: true, stream: null, file, path, length);

    public static DicomInput FromStream(Stream stream)
    {
        long length = -1;
        if (stream.CanSeek)
        {
            length = stream.Length - stream.Position;
        }

        return new DicomInput(ArrayPool<byte>.Shared.Rent(WindowSize), pooled: true, writable: true, stream, file: null, path: null, length);
    }

    /// <summary>Makes <paramref name="count"/> contiguous bytes available at the cursor; false at end of input.</summary>
    public bool TryEnsure(int count)
    {
        if (_end - _pos >= count)
        {
            return true;
        }

        return !IsMemory && Refill(count);
    }

    /// <summary>The next <paramref name="count"/> bytes; <see cref="TryEnsure"/> must have returned true.</summary>
    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_pos, count);

    public void Advance(int count) => _pos += count;

    public bool IsAtEnd => !TryEnsure(1);

    /// <summary>
    /// Reads a value of <paramref name="length"/> bytes, converting it to little endian in units of
    /// <paramref name="swapUnit"/>. The caller has checked <paramref name="length"/> against <see cref="Remaining"/>.
    /// </summary>
    public ReadOnlyMemory<byte> ReadValue(long length, int swapUnit, DicomTag tag)
    {
        if (length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (IsMemory)
        {
            if (length > _end - _pos)
            {
                throw Truncated(length, tag);
            }

            int n = (int)length;
            Memory<byte> slice = _buffer.AsMemory(_pos, n);
            _pos += n;
            if (swapUnit > 1)
            {
                if (!_writable)
                {
                    slice = slice.ToArray();
                }

                ByteSwap.InPlace(slice.Span, swapUnit);
            }

            return slice;
        }

        if (length > Array.MaxLength)
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"value of {length} bytes is too large to hold in memory", Position, tag);
        }

        byte[] value = _length < 0 && length > UnknownLengthChunk ? ReadGrowing((int)length, tag) : ReadExact((int)length, tag);
        ByteSwap.InPlace(value, swapUnit);
        return value;
    }

    /// <summary>Leaves a value on disk: records its range and moves past it without reading it.</summary>
    public DicomBulkDataRange Defer(long length, int swapUnit, DicomTag tag)
    {
        var range = new DicomBulkDataRange(FilePath!, Position, length, swapUnit);
        Skip(length, tag);
        return range;
    }

    /// <summary>Moves past <paramref name="length"/> bytes; files and seekable streams seek instead of reading.</summary>
    public void Skip(long length, DicomTag? tag)
    {
        if (length <= _end - _pos)
        {
            _pos += (int)length;
            return;
        }

        if (IsMemory || length > Remaining)
        {
            throw Truncated(length, tag);
        }

        long target = Position + length;
        if (_file is not null || (_stream is not null && _stream.CanSeek))
        {
            _stream?.Seek(_streamStart + target, SeekOrigin.Begin);
            _origin = target;
            _pos = _end = 0;
            return;
        }

        // A non-seekable stream: read and discard.
        long left = length - (_end - _pos);
        _origin += _end;
        _pos = _end = 0;
        while (left > 0)
        {
            int n = ReadSource(_buffer.AsSpan(0, (int)Math.Min(left, _buffer.Length)));
            if (n == 0)
            {
                throw Truncated(left, tag);
            }

            left -= n;
            _origin += n;
        }
    }

    /// <summary>A stream of everything after the cursor, for the deflated part of a file.</summary>
    public Stream OpenRemainder()
    {
        if (IsMemory)
        {
            return new MemoryStream(_buffer, _pos, _end - _pos, writable: false);
        }

        if (_file is not null)
        {
            var fs = new FileStream(FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            fs.Seek(Position, SeekOrigin.Begin);
            return fs;
        }

        return new PrefixedStream(_buffer.AsMemory(_pos, _end - _pos).ToArray(), _stream!);
    }

    public DicomFormatException Truncated(long needed, DicomTag? tag)
        => new(DicomFormatError.Truncated, $"unexpected end of data: {needed} bytes needed, {(_length < 0 ? Buffered : Remaining)} left", Position, tag);

    public void Dispose()
    {
        if (_pooled)
        {
            byte[] buffer = _buffer;
            _buffer = [];
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool Refill(int count)
    {
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _origin += _pos;
            _end -= _pos;
            _pos = 0;
        }

        if (count > _buffer.Length)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(count, _buffer.Length * 2));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        while (_end < count)
        {
            int n = ReadSource(_buffer.AsSpan(_end));
            if (n == 0)
            {
                if (_length < 0)
                {
                    // The real length is now known: what has been buffered is all there is.
                    _length = _origin + _end;
                }

                return false;
            }

            _end += n;
        }

        return true;
    }

    private int ReadSource(Span<byte> destination)
    {
        if (_file is not null)
        {
            return RandomAccess.Read(_file, destination, _origin + _end);
        }

        try
        {
            return _stream!.Read(destination);
        }
        catch (InvalidDataException e)
        {
            throw new DicomFormatException(DicomFormatError.InvalidDeflate, "corrupt deflate data: " + e.Message, _origin + _end, null, e);
        }
    }

    private byte[] ReadExact(int length, DicomTag tag)
    {
        byte[] value = GC.AllocateUninitializedArray<byte>(length);
        int fromBuffer = Math.Min(length, _end - _pos);
        _buffer.AsSpan(_pos, fromBuffer).CopyTo(value);
        _pos += fromBuffer;
        if (fromBuffer == length)
        {
            return value;
        }

        // Everything buffered was consumed; read the rest straight into the value.
        _origin += _end;
        _pos = _end = 0;
        int done = fromBuffer;
        while (done < length)
        {
            int n = ReadDirect(value.AsSpan(done));
            if (n == 0)
            {
                throw Truncated(length - done, tag);
            }

            done += n;
            _origin += n;
        }

        return value;
    }

    private byte[] ReadGrowing(int length, DicomTag tag)
    {
        byte[] value = new byte[UnknownLengthChunk];
        int done = Math.Min(length, _end - _pos);
        _buffer.AsSpan(_pos, done).CopyTo(value);
        _pos += done;
        _origin += _end;
        _pos = _end = 0;
        while (done < length)
        {
            if (done == value.Length)
            {
                Array.Resize(ref value, (int)Math.Min(length, (long)value.Length * 2));
            }

            int n = ReadDirect(value.AsSpan(done, value.Length - done));
            if (n == 0)
            {
                throw Truncated(length - done, tag);
            }

            done += n;
            _origin += n;
        }

        return value;
    }

    private int ReadDirect(Span<byte> destination)
    {
        if (_file is not null)
        {
            return RandomAccess.Read(_file, destination, _origin);
        }

        try
        {
            return _stream!.Read(destination);
        }
        catch (InvalidDataException e)
        {
            throw new DicomFormatException(DicomFormatError.InvalidDeflate, "corrupt deflate data: " + e.Message, _origin, null, e);
        }
    }
}
