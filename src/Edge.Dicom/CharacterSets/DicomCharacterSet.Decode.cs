using System.Buffers;
using System.Text;

namespace Edge.Dicom;

public sealed partial class DicomCharacterSet
{
    private const byte Esc = 0x1B;
    private const char Replacement = '\uFFFD';

    // Values up to this many bytes decode into a stack buffer.
    private const int StackChars = 256;

    /// <summary>
    /// Decodes a text value. Only SH, LO, UC, ST, LT, UT and PN use the specific character set (PS3.5 §6.1.2.3);
    /// other VRs are default repertoire, with bytes above 0x7F read as ISO 8859-1 rather than lost.
    /// With code extensions, G0 and G1 return to the value-1 sets at every control character (CR, LF, FF, TAB),
    /// at each backslash of a multi-valued VR and at each '^' and '=' of a PN (PS3.5 §6.1.2.5.3).
    /// Padding is kept; callers trim.
    /// </summary>
    public string Decode(ReadOnlySpan<byte> value, DicomVR vr)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (!vr.UsesSpecificCharacterSet())
        {
            return Encoding.Latin1.GetString(value);
        }

        // Pure 7-bit text without escapes reads the same in every DICOM character set.
        if (value.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 && !value.Contains(Esc))
        {
            return Encoding.ASCII.GetString(value);
        }

        if (_standalone is not null)
        {
            return _standalone.GetString(value);
        }

        if (_initialG1 == CodeElement.Latin1 && !value.Contains(Esc))
        {
            return Encoding.Latin1.GetString(value);
        }

        char[]? rented = null;
        Span<char> output = value.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            int written = DecodeWithExtensions(value, vr, output);
            return new string(output[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The ISO 2022 state machine: every byte gives at most one character, so output never outgrows input.</summary>
    private int DecodeWithExtensions(ReadOnlySpan<byte> value, DicomVR vr, Span<char> output)
    {
        bool isPersonName = vr == DicomVR.PN;
        bool isMultiValued = !vr.IsSingleValuedText();
        CodeElement g0 = _initialG0;
        CodeElement? g1 = _initialG1;
        int written = 0;
        int i = 0;
        while (i < value.Length)
        {
            byte b = value[i];
            if (b == Esc)
            {
                if (CodeElement.TryMatchEscape(value[i..], out CodeElement? element, out int length))
                {
                    if (element!.IsG0)
                    {
                        g0 = element;
                    }
                    else
                    {
                        g1 = element;
                    }

                    i += length;
                    continue;
                }

                // An escape we do not know: keep the byte visible rather than guess a set.
                output[written++] = (char)b;
                i++;
                continue;
            }

            if (b < 0x80)
            {
                if (g0.IsDoubleByte && b is >= 0x21 and <= 0x7E)
                {
                    if (i + 1 < value.Length && value[i + 1] is >= 0x21 and <= 0x7E)
                    {
                        output[written++] = g0.DecodePair(b, value[i + 1]);
                        i += 2;
                    }
                    else
                    {
                        output[written++] = Replacement;
                        i++;
                    }

                    continue;
                }

                if (b < 0x20 || (isMultiValued && b == (byte)'\\') || (isPersonName && b is (byte)'^' or (byte)'='))
                {
                    g0 = _initialG0;
                    g1 = _initialG1;
                }

                output[written++] = (char)b;
                i++;
                continue;
            }

            if (g1 is null)
            {
                output[written++] = (char)b;
                i++;
            }
            else if (g1.IsDoubleByte)
            {
                if (i + 1 < value.Length && value[i + 1] >= 0xA1)
                {
                    output[written++] = g1.DecodePair(b, value[i + 1]);
                    i += 2;
                }
                else
                {
                    output[written++] = Replacement;
                    i++;
                }
            }
            else
            {
                output[written++] = g1.DecodeHigh(b);
                i++;
            }
        }

        return written;
    }
}
