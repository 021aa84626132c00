using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Edge.Dicom.Network.Protocol;

/// <summary>
/// Cursor over one complete, length-validated PDU body or item. Running out of bytes here means a length field lied,
/// so it is a protocol error, never "incomplete".
/// </summary>
internal ref struct BigEndianReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public BigEndianReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
    }

    public readonly int Remaining => _buffer.Length - _position;

    public readonly bool End => _position >= _buffer.Length;

    public byte ReadByte()
    {
        Ensure(1);
        return _buffer[_position++];
    }

    public ushort ReadUInt16()
    {
        Ensure(2);
        ushort v = BinaryPrimitives.ReadUInt16BigEndian(_buffer[_position..]);
        _position += 2;
        return v;
    }

    public uint ReadUInt32()
    {
        Ensure(4);
        uint v = BinaryPrimitives.ReadUInt32BigEndian(_buffer[_position..]);
        _position += 4;
        return v;
    }

    public void Skip(int count)
    {
        Ensure(count);
        _position += count;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Ensure(count);
        ReadOnlySpan<byte> s = _buffer.Slice(_position, count);
        _position += count;
        return s;
    }

    /// <summary>Reads an item header (type, reserved, 2-byte length) and returns a reader over exactly its value.</summary>
    public BigEndianReader ReadItem(out byte itemType)
    {
        itemType = ReadByte();
        Skip(1);
        ushort length = ReadUInt16();
        if (length > Remaining)
        {
            ProtocolThrow.Error(ProtocolError.ItemOverrunsContainer,
                $"Item 0x{itemType:X2} claims {length} bytes but only {Remaining} remain in its container.");
        }

        return new BigEndianReader(ReadBytes(length));
    }

    /// <summary>
    /// Decodes an ASCII UID or name. Peers pad with NUL or space against PS3.8, so trailing padding is dropped;
    /// anything outside printable ASCII is refused (PS3.5 §9.1 for UIDs, default repertoire for names).
    /// </summary>
    public static string DecodeText(ReadOnlySpan<byte> value, int maxLength, string what)
    {
        int end = value.Length;
        while (end > 0 && (value[end - 1] == 0 || value[end - 1] == (byte)' '))
        {
            end--;
        }

        int start = 0;
        while (start < end && value[start] == (byte)' ')
        {
            start++;
        }

        value = value[start..end];
        if (value.Length > maxLength)
        {
            ProtocolThrow.Error(ProtocolError.InvalidItemValue, $"{what} is {value.Length} characters; the maximum is {maxLength}.");
        }

        foreach (byte b in value)
        {
            if (b is < 0x20 or > 0x7E)
            {
                ProtocolThrow.Error(ProtocolError.InvalidItemValue, $"{what} contains byte 0x{b:X2}, which is not printable ASCII.");
            }
        }

        return Encoding.ASCII.GetString(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Ensure(int count)
    {
        if ((uint)count > (uint)Remaining)
        {
            ThrowShort(count);
        }
    }

    private readonly void ThrowShort(int count) => ProtocolThrow.Error(ProtocolError.InvalidItemLength,
        $"Needed {count} more bytes at offset {_position} of a {_buffer.Length}-byte field.");
}
