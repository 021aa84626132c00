using System.Text;

namespace Edge.Dicom;

/// <summary>
/// A view over a generated table of ASCII strings stored back to back with an offsets array of Count + 1 entries.
/// Lets the dictionaries keep their text as constant data and create <see cref="string"/>s only on demand.
/// </summary>
internal readonly ref struct AsciiTable(ReadOnlySpan<byte> text, ReadOnlySpan<int> offsets)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private readonly ReadOnlySpan<int> _offsets = offsets;

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<byte> this[int index] => _text[_offsets[index].._offsets[index + 1]];

    /// <summary>Widens the entry to a string; done by hand because the first use of <see cref="Encoding"/> costs milliseconds.</summary>
    public string GetString(int index)
    {
        ReadOnlySpan<byte> ascii = this[index];
        if (ascii.Length > 256)
        {
            return Encoding.ASCII.GetString(ascii);
        }

        Span<char> chars = stackalloc char[ascii.Length];
        for (int i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        return new string(chars);
    }

    /// <summary>Ordinal comparison of a table entry with UTF-16 text, matching the generator's sort order.</summary>
    public static int Compare(ReadOnlySpan<byte> ascii, ReadOnlySpan<char> text)
    {
        int n = Math.Min(ascii.Length, text.Length);
        for (int i = 0; i < n; i++)
        {
            int d = ascii[i] - text[i];
            if (d != 0)
            {
                return d;
            }
        }

        return ascii.Length - text.Length;
    }

    /// <summary>Binary search of <paramref name="key"/> in the entries listed by <paramref name="order"/> (sorted).</summary>
    public int BinarySearch(ReadOnlySpan<char> key, ReadOnlySpan<ushort> order) => Search(key, order, order.Length);

    /// <summary>Binary search of <paramref name="key"/> in a table whose entries are themselves sorted.</summary>
    public int BinarySearch(ReadOnlySpan<char> key) => Search(key, default, Count);

    /// <summary>An empty <paramref name="order"/> means the table order itself.</summary>
    private int Search(ReadOnlySpan<char> key, ReadOnlySpan<ushort> order, int count)
    {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            int index = order.IsEmpty ? mid : order[mid];
            int c = Compare(this[index], key);
            if (c == 0)
            {
                return index;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
