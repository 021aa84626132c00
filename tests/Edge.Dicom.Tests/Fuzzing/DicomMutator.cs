using System.Buffers.Binary;

namespace Edge.Dicom.Tests.Fuzzing;

/// <summary>
/// Deterministic mutations of valid encodings: bit flips, truncation, lying lengths, deep nesting, byte
/// insertion/deletion, chunk duplication and splicing. Length lies aim at real length fields (found by the
/// patterns of element and item headers) as well as at random offsets.
/// </summary>
internal sealed class DicomMutator(int seed)
{
    private static readonly uint[] InterestingLengths =
        [0, 1, 2, 3, 4, 7, 8, 0xFF, 0x100, 0x7FFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFF0];

    private static readonly string[] VRs = ["SQ", "UN", "OB", "OW", "UT", "LO", "US", "AT", "DS", "PN", "XX", "\0\0"];

    private readonly Random _random = new(seed);

    public string LastMutation { get; private set; } = string.Empty;

    public byte[] Mutate(byte[] input, byte[] other)
    {
        int rounds = 1 + _random.Next(3);
        byte[] data = input;
        var names = new List<string>();
        for (int i = 0; i < rounds; i++)
        {
            (data, string name) = _random.Next(9) switch
            {
                0 => (FlipBits(data), "bitflip"),
                1 => (Truncate(data), "truncate"),
                2 => (LieAboutLength(data), "length-lie"),
                3 => (LieAtRandomOffset(data), "random-length"),
                4 => (DeepNesting(data), "deep-nesting"),
                5 => (InsertOrDelete(data), "insert-delete"),
                6 => (Duplicate(data), "duplicate"),
                7 => (Splice(data, other), "splice"),
                _ => (ChangeVR(data), "change-vr"),
            };
            names.Add(name);
        }

        LastMutation = string.Join('+', names);
        return data;
    }

    private byte[] FlipBits(byte[] data)
    {
        byte[] copy = (byte[])data.Clone();
        int flips = 1 + _random.Next(8);
        for (int i = 0; i < flips && copy.Length > 0; i++)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    private byte[] Truncate(byte[] data) => data.Length == 0 ? data : data[.._random.Next(data.Length)];

    /// <summary>Overwrites the length field after an item tag or an explicit VR with an interesting value.</summary>
    private byte[] LieAboutLength(byte[] data)
    {
        var candidates = new List<(int Offset, int Size)>();
        for (int i = 0; i + 8 <= data.Length; i += 2)
        {
            if (data[i] == 0xFE && data[i + 1] == 0xFF && (data[i + 2] is 0x00 or 0x0D or 0xDD) && data[i + 3] == 0xE0)
            {
                candidates.Add((i + 4, 4));
            }
            else if (i + 12 <= data.Length && DicomVRExtensions.TryParse(BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 4)), out DicomVR vr))
            {
                candidates.Add(vr.HasLongLength() ? (i + 8, 4) : (i + 6, 2));
            }
        }

        if (candidates.Count == 0)
        {
            return LieAtRandomOffset(data);
        }

        (int offset, int size) = candidates[_random.Next(candidates.Count)];
        byte[] copy = (byte[])data.Clone();
        uint value = PickLength(size == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(offset)) : BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(offset)));
        if (size == 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), (ushort)value);
        }

        return copy;
    }

    private byte[] LieAtRandomOffset(byte[] data)
    {
        if (data.Length < 4)
        {
            return data;
        }

        byte[] copy = (byte[])data.Clone();
        int offset = _random.Next(copy.Length - 3) & ~1;
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), PickLength(BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(offset))));
        return copy;
    }

    private uint PickLength(uint current) => _random.Next(4) switch
    {
        0 => current + (uint)_random.Next(1, 16),
        1 => current - (uint)_random.Next(1, 16),
        2 => (uint)_random.Next(),
        _ => InterestingLengths[_random.Next(InterestingLengths.Length)],
    };

    /// <summary>Inserts a run of nested undefined-length sequences, deep enough to hit the nesting limit.</summary>
    private byte[] DeepNesting(byte[] data)
    {
        int depth = _random.Next(4) == 0 ? 5_000 + _random.Next(20_000) : 40 + _random.Next(60);
        bool closed = _random.Next(2) == 0;
        byte[] nest = Reading.SyntheticReadingTests.NestedSequences(depth);
        if (!closed)
        {
            nest = nest[..(nest.Length / 2)];
        }

        int at = data.Length == 0 ? 0 : _random.Next(data.Length) & ~1;
        return [.. data.AsSpan(0, at), .. nest, .. data.AsSpan(at)];
    }

    private byte[] InsertOrDelete(byte[] data)
    {
        int at = data.Length == 0 ? 0 : _random.Next(data.Length);
        int n = 1 + _random.Next(8);
        if (_random.Next(2) == 0 || data.Length - at < n)
        {
            byte[] insert = new byte[n];
            _random.NextBytes(insert);
            return [.. data.AsSpan(0, at), .. insert, .. data.AsSpan(at)];
        }

        return [.. data.AsSpan(0, at), .. data.AsSpan(at + n)];
    }

    private byte[] Duplicate(byte[] data)
    {
        if (data.Length < 2)
        {
            return data;
        }

        int start = _random.Next(data.Length - 1);
        int length = 1 + _random.Next(Math.Min(256, data.Length - start));
        return [.. data.AsSpan(0, start + length), .. data.AsSpan(start, length), .. data.AsSpan(start + length)];
    }

    private byte[] Splice(byte[] data, byte[] other)
    {
        int a = data.Length == 0 ? 0 : _random.Next(data.Length);
        int b = other.Length == 0 ? 0 : _random.Next(other.Length);
        return [.. data.AsSpan(0, a), .. other.AsSpan(b)];
    }

    private byte[] ChangeVR(byte[] data)
    {
        var positions = new List<int>();
        for (int i = 4; i + 2 <= data.Length; i += 2)
        {
            if (DicomVRExtensions.TryParse(BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i)), out _))
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return FlipBits(data);
        }

        byte[] copy = (byte[])data.Clone();
        string vr = VRs[_random.Next(VRs.Length)];
        int at = positions[_random.Next(positions.Count)];
        copy[at] = (byte)vr[0];
        copy[at + 1] = (byte)vr[1];
        return copy;
    }
}
