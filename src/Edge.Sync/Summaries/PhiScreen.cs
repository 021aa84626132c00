using System.Text;
using Edge.Store.Documents;

namespace Edge.Sync.Summaries;

/// <summary>
/// Defence in depth behind the allow-list: knows the identifying values of one series (UIDs, name, IDs,
/// dates, accession, institution) and (1) blanks any free-text output field that contains one of them or a
/// part of one, and (2) trips if a finished payload contains one anyway, so nothing identifying is published.
/// </summary>
internal sealed class PhiScreen
{
    /// <summary>
    /// Free text is checked for parts of at least 3 characters (a 2-letter name part would match ordinary
    /// words everywhere); the payload tripwire for whole values and parts of at least 5, matched exactly, so
    /// it cannot confuse a name with a JSON key.
    /// </summary>
    private const int MinFreeTextPart = 3;
    private const int MinTripwirePart = 5;

    private static readonly char[] Separators = ['^', ' ', ',', '-', '/', '=', '\\', '\''];

    private readonly List<string> _parts = [];
    private readonly List<byte[]> _tripwires = [];

    public PhiScreen(SeriesRecord series)
    {
        ArgumentNullException.ThrowIfNull(series);
        AddWhole(series.SeriesInstanceUid);
        AddWhole(series.StudyInstanceUid);
        foreach (string? value in series.Identifiers.All())
        {
            Add(value);
        }
    }

    public PhiScreen(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (string? value in values)
        {
            Add(value);
        }
    }

    private void AddWhole(string? uid)
    {
        if (!string.IsNullOrWhiteSpace(uid))
        {
            string clean = uid.Trim('\0', ' ');
            _parts.Add(clean);
            _tripwires.Add(Encoding.UTF8.GetBytes(clean));
        }
    }

    private void Add(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        string clean = value.Trim('\0', ' ');
        AddPart(clean);
        foreach (string part in clean.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddPart(part);
        }

        // DICOM dates (YYYYMMDD) also appear as ISO dates in JSON: free text carrying one is blanked. Not a tripwire:
        // the payload's own timestamps (createdAt) carry today's date, which is the study date of nearly every scan.
        if (clean.Length == 8 && clean.All(char.IsAsciiDigit))
        {
            _parts.Add($"{clean[..4]}-{clean[4..6]}-{clean[6..]}");
        }
    }

    private void AddPart(string part)
    {
        if (part.Length >= MinFreeTextPart)
        {
            _parts.Add(part);
        }

        if (part.Length >= MinTripwirePart)
        {
            _tripwires.Add(Encoding.UTF8.GetBytes(part));
        }
    }

    /// <summary>True when free text contains an identifying value or part (case-insensitive).</summary>
    public bool Taints(string? text) =>
        text is not null && _parts.Exists(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text, or null when it carries an identifier.</summary>
    public string? Clean(string? text) => Taints(text) ? null : text;

    /// <summary>Throws when an identifying value made it into a payload despite the allow-list.</summary>
    public void AssertClean(ReadOnlySpan<byte> payload)
    {
        foreach (byte[] tripwire in _tripwires)
        {
            if (Contains(payload, tripwire))
            {
                // The value itself is PHI: never put it into the exception or a log.
                throw new PhiLeakException("A summary payload contained an identifying value of its series; it was withheld.");
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="needle"/> occurs in the payload. An all-digit needle (an ID, a date) does not
    /// count where it is a whole or partial JSON number (a timing that happens to equal a date), only where
    /// it stands as text.
    /// </summary>
    private static bool Contains(ReadOnlySpan<byte> payload, byte[] needle)
    {
        bool digits = needle.AsSpan().IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        int offset = 0;
        while (offset < payload.Length)
        {
            int at = payload[offset..].IndexOf(needle);
            if (at < 0)
            {
                return false;
            }

            int start = offset + at;
            int end = start + needle.Length;
            if (!digits || !IsInsideNumber(payload, start, end))
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }

    private static bool IsInsideNumber(ReadOnlySpan<byte> payload, int start, int end)
    {
        byte before = start > 0 ? payload[start - 1] : (byte)'"';
        byte after = end < payload.Length ? payload[end] : (byte)'"';
        bool numberBefore = before is (byte)':' or (byte)',' or (byte)'[' or (byte)'.' or (byte)'-' || char.IsAsciiDigit((char)before);
        bool numberAfter = after is (byte)',' or (byte)']' or (byte)'}' or (byte)'.' or (byte)'e' or (byte)'E' || char.IsAsciiDigit((char)after);
        return numberBefore && numberAfter;
    }
}
