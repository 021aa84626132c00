using System.Globalization;

namespace Edge.Dicom.Tests;

/// <summary>Hex literals for golden bytes: whitespace and '|' separators are ignored.</summary>
internal static class Hex
{
    public static byte[] Parse(string hex)
    {
        string digits = new([.. hex.Where(Uri.IsHexDigit)]);
        byte[] bytes = new byte[digits.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse(digits.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return bytes;
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
