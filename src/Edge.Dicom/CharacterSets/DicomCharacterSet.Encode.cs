using System.Buffers;
using System.Text;

namespace Edge.Dicom;

public sealed partial class DicomCharacterSet
{
    /// <summary>
    /// Encodes text for a value of <paramref name="vr"/> in this character set. Characters the set cannot represent
    /// become '?' (use <see cref="TryEncode"/> to detect that). With code extensions the encoder designates the
    /// needed set by escape sequence and returns to the value-1 set before every delimiter and at the end
    /// (PS3.5 §6.1.2.5.3). No padding is added.
    /// </summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        TryEncode(text, vr, out byte[] bytes);
        return bytes;
    }

    /// <summary>Encodes as <see cref="Encode"/> does and returns false when any character had to become '?'.</summary>
    public bool TryEncode(string text, DicomVR vr, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            bytes = [];
            return true;
        }

        if (Ascii.IsValid(text))
        {
            bytes = Encoding.ASCII.GetBytes(text);
            return true;
        }

        if (!vr.UsesSpecificCharacterSet())
        {
            bytes = Encoding.Latin1.GetBytes(text);
            return !text.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF');
        }

        if (_standalone is not null)
        {
            bytes = _standalone.GetBytes(text);
            return _standalone.GetString(bytes) == text;
        }

        var writer = new ArrayBufferWriter<byte>(text.Length * 2);
        bool exact = EncodeWithExtensions(text, vr, writer);
        bytes = writer.WrittenSpan.ToArray();
        return exact;
    }

    private bool EncodeWithExtensions(string text, DicomVR vr, ArrayBufferWriter<byte> writer)
    {
        bool isPersonName = vr == DicomVR.PN;
        bool isMultiValued = !vr.IsSingleValuedText();
        bool exact = true;
        CodeElement g0 = _initialG0;
        CodeElement? g1 = _initialG1;
        Span<byte> encoded = stackalloc byte[2];
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                if (g0 != _initialG0)
                {
                    writer.Write(_initialG0.Escape);
                    g0 = _initialG0;
                }

                if (c < 0x20 || (isMultiValued && c == '\\') || (isPersonName && c is '^' or '='))
                {
                    // The decoder resets G1 here too, so the next use of another G1 set re-designates it.
                    g1 = _initialG1;
                }

                writer.Write([(byte)c]);
                continue;
            }

            int n = 0;
            CodeElement? used = null;
            if (g1 is not null && (n = g1.TryEncode(c, encoded)) > 0)
            {
                used = g1;
            }
            else if (g0.IsDoubleByte && (n = g0.TryEncode(c, encoded)) > 0)
            {
                used = g0;
            }
            else
            {
                foreach (CodeElement candidate in _extensions)
                {
                    if ((n = candidate.TryEncode(c, encoded)) > 0)
                    {
                        used = candidate;
                        break;
                    }
                }
            }

            if (used is null)
            {
                exact = false;
                if (g0 != _initialG0)
                {
                    writer.Write(_initialG0.Escape);
                    g0 = _initialG0;
                }

                writer.Write("?"u8);
                continue;
            }

            if (used.IsG0 && used != g0)
            {
                writer.Write(used.Escape);
                g0 = used;
            }
            else if (!used.IsG0 && used != g1)
            {
                writer.Write(used.Escape);
                g1 = used;
            }

            writer.Write(encoded[..n]);
        }

        if (g0 != _initialG0)
        {
            writer.Write(_initialG0.Escape);
        }

        return exact;
    }
}
