using System.Runtime.CompilerServices;

namespace Edge.Dicom;

/// <summary>
/// A JPEG Huffman table (ITU-T T.81 §C, Annex F.2.2.3): canonical codes built from the 16 code-length counts,
/// decoded through a 9-bit look-up for short codes and the MAXCODE/VALPTR procedure for longer ones.
/// </summary>
internal sealed class JpegHuffmanTable
{
    public const int LookupBits = 9;

    // Look-up entries: (code length << 8) | value, or 0 when the code is longer than LookupBits.
    private readonly ushort[] _lookup = new ushort[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valPtr = new int[17];
    private readonly int[] _minCode = new int[17];
    private readonly byte[] _values;

    /// <param name="counts">BITS: number of codes of each length 1-16.</param>
    /// <param name="values">HUFFVAL: the symbols in order of increasing code length.</param>
    public JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        _values = values.ToArray();
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++)
        {
            int n = counts[length - 1];
            _valPtr[length] = k;
            _minCode[length] = code;
            if (n == 0)
            {
                _maxCode[length] = -1;
            }
            else
            {
                for (int i = 0; i < n; i++, k++, code++)
                {
                    // A length whose codes overflow its bit count makes the table invalid (T.81 Annex C).
                    if (code >= (1 << length))
                    {
                        throw new DicomFormatException(DicomFormatError.InvalidValue, "JPEG Huffman table has more codes than its code lengths allow", -1, null);
                    }

                    if (length <= LookupBits)
                    {
                        // Every LookupBits-bit pattern that starts with this code decodes to it.
                        int shift = LookupBits - length;
                        int first = code << shift;
                        for (int j = 0; j < (1 << shift); j++)
                        {
                            _lookup[first + j] = (ushort)((length << 8) | values[k]);
                        }
                    }
                }

                _maxCode[length] = code - 1;
            }

            code <<= 1;
        }

        _maxCode[17] = int.MaxValue;
    }

    /// <summary>Decodes one symbol (T.81 §F.2.2.3); the reader must hold at least 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode(ref JpegBitReader reader)
    {
        int peek = (int)reader.PeekBits(LookupBits);
        int entry = _lookup[peek];
        if (entry != 0)
        {
            reader.SkipBits(entry >> 8);
            return entry & 0xFF;
        }

        return DecodeLong(ref reader);
    }

    private int DecodeLong(ref JpegBitReader reader)
    {
        int code = (int)reader.PeekBits(LookupBits + 1);
        int length = LookupBits + 1;
        while (length <= 16 && code > _maxCode[length])
        {
            length++;
            code = (int)reader.PeekBits(length);
        }

        if (length > 16)
        {
            throw new DicomFormatException(DicomFormatError.InvalidValue, "JPEG entropy-coded data holds a code that is not in its Huffman table", -1, null);
        }

        reader.SkipBits(length);
        return _values[_valPtr[length] + code - _minCode[length]];
    }
}
