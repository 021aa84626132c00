using System.Buffers;

namespace Edge.Sync.Summaries;

/// <summary>Reduces free text and codes to what the schema admits: printable ASCII, bounded length.</summary>
internal static class TextSanitizer
{
    private static readonly SearchValues<char> CodeChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>Printable ASCII, at most <paramref name="max"/> characters; null when nothing is left.</summary>
    public static string? Text(string? value, int max)
    {
        if (value is null)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Math.Min(value.Length, max)];
        int n = 0;
        foreach (char c in value.AsSpan().Trim())
        {
            if (n == buffer.Length)
            {
                break;
            }

            buffer[n++] = c is >= ' ' and <= '~' ? c : '?';
        }

        string result = new string(buffer[..n]).Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>A code (model id, label): letters, digits and <c>._-</c>, others replaced by '_', 1-<paramref name="max"/> long.</summary>
    public static string Code(string? value, int max, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        ReadOnlySpan<char> source = value.AsSpan().Trim();
        Span<char> buffer = stackalloc char[Math.Min(source.Length, max)];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = CodeChars.Contains(source[i]) ? source[i] : '_';
        }

        return new string(buffer);
    }

    /// <summary>A finite number rounded to <paramref name="digits"/> decimals within [min, max], else null.</summary>
    public static double? Number(double? value, int digits, double min = 0, double max = double.MaxValue)
    {
        if (value is not { } v || !double.IsFinite(v) || v < min || v > max)
        {
            return null;
        }

        return Math.Round(v, digits, MidpointRounding.AwayFromZero);
    }
}
