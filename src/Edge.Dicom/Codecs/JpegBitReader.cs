using System.Runtime.CompilerServices;

namespace Edge.Dicom;

/// <summary>
/// Reads entropy-coded JPEG data MSB first (T.81 §F.2.2.5): 0xFF 0x00 is a stuffed 0xFF; any other 0xFF xx is a
/// marker, where reading stops and zeros are supplied instead (T.81 §F.2.2.5 note on markers).
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer;
    private int _count;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
        MarkerPosition = -1;
    }

    /// <summary>Position of the marker that ended the data, or -1 while none has been met.</summary>
    public int MarkerPosition { get; private set; }

    // Zero bits supplied after the data ended (at a marker or the end of the buffer); they sit behind all real bits.
    private int _paddingBits;

    /// <summary>
    /// Zero bits past the end of the data that codes have used. An intact stream ends its last code inside real data
    /// (the encoder pads the final byte with 1 bits, T.81 §F.1.2.3), so anything above zero means data is missing.
    /// </summary>
    public readonly int ConsumedPaddingBits => Math.Max(0, _paddingBits - _count);

    /// <summary>The byte position reading has reached (bytes still in the bit buffer are before it).</summary>
    public readonly int Position => _position;

    /// <summary>Makes at least <paramref name="n"/> (up to 57) bits available, refilling several bytes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureBits(int n)
    {
        if (_count < n)
        {
            Refill();
        }
    }

    private void Refill()
    {
        while (_count <= 56)
        {
            int b = 0;
            if (MarkerPosition < 0)
            {
                if (_position >= _data.Length)
                {
                    MarkerPosition = _data.Length;
                    _paddingBits += 8;
                }
                else
                {
                    b = _data[_position];
                    if (b == 0xFF)
                    {
                        int next = _position + 1 < _data.Length ? _data[_position + 1] : -1;
                        if (next == 0x00)
                        {
                            _position += 2;
                        }
                        else
                        {
                            MarkerPosition = _position;
                            b = 0;
                            _paddingBits += 8;
                        }
                    }
                    else
                    {
                        _position++;
                    }
                }
            }
            else
            {
                _paddingBits += 8;
            }

            _buffer |= (ulong)b << (56 - _count);
            _count += 8;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint PeekBits(int n) => (uint)(_buffer >> (64 - n));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipBits(int n)
    {
        _buffer <<= n;
        _count -= n;
    }

    public int GetBits(int n)
    {
        EnsureBits(n);
        int v = (int)PeekBits(n);
        SkipBits(n);
        return v;
    }

    /// <summary>
    /// Consumes a restart marker (T.81 §F.2.2.5): discards the bits of the partial byte and expects RSTm next.
    /// Returns false when the next marker is not a restart marker.
    /// </summary>
    public bool TryRestart()
    {
        if (ConsumedPaddingBits > 0)
        {
            return false;
        }

        _buffer = 0;
        _count = 0;
        int p = MarkerPosition >= 0 ? MarkerPosition : _position;
        _paddingBits = 0;

        // Skip fill bytes (0xFF) before the marker code.
        while (p + 1 < _data.Length && _data[p] == 0xFF && _data[p + 1] == 0xFF)
        {
            p++;
        }

        if (p + 1 < _data.Length && _data[p] == 0xFF && _data[p + 1] is >= 0xD0 and <= 0xD7)
        {
            _position = p + 2;
            MarkerPosition = -1;
            return true;
        }

        return false;
    }
}
