using System.Globalization;
using System.Text.Json;

namespace Edge.Dicom;

/// <summary>Builds datasets from the DICOM JSON model (PS3.18 §F.2).</summary>
internal static class DicomJsonReader
{
    private static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    public static void ReadDataset(JsonElement json, DicomDataset dataset)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("a dataset must be a JSON object", null);
        }

        // The character set first, so text values below are encoded with it.
        if (json.TryGetProperty("00080005", out JsonElement charset))
        {
            ReadAttribute(SpecificCharacterSet, charset, dataset);
        }

        foreach (JsonProperty property in json.EnumerateObject())
        {
            if (!DicomTag.TryParse(property.Name, out DicomTag tag) || property.Name.Length != 8)
            {
                throw Invalid($"'{property.Name}' is not an 8-digit tag", null);
            }

            if (tag != SpecificCharacterSet)
            {
                ReadAttribute(tag, property.Value, dataset);
            }
        }
    }

    private static void ReadAttribute(DicomTag tag, JsonElement attribute, DicomDataset dataset)
    {
        if (attribute.ValueKind != JsonValueKind.Object || !attribute.TryGetProperty("vr", out JsonElement vrText)
            || vrText.GetString() is not { Length: 2 } code || !DicomVRExtensions.TryParse((ushort)((code[0] << 8) | code[1]), out DicomVR vr))
        {
            throw Invalid("an attribute needs a valid \"vr\"", tag);
        }

        if (attribute.TryGetProperty("InlineBinary", out JsonElement inline))
        {
            byte[] bytes = inline.GetBytesFromBase64();
            if (tag == PixelData && DicomFragmentEncoding.TryDecode(bytes, out List<uint> offsets, out List<ReadOnlyMemory<byte>> fragments))
            {
                dataset.AddOrUpdate(new DicomFragmentSequence(tag, vr, offsets, fragments));
            }
            else
            {
                dataset.AddOrUpdate(new DicomElement(tag, vr, bytes));
            }

            return;
        }

        if (!attribute.TryGetProperty("Value", out JsonElement value))
        {
            // Absent value, or BulkDataURI only: an empty element keeps the attribute present.
            if (vr == DicomVR.SQ)
            {
                dataset.SetSequence(tag);
            }
            else
            {
                dataset.AddOrUpdate(new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("\"Value\" must be an array", tag);
        }

        if (vr == DicomVR.SQ)
        {
            DicomSequence sequence = dataset.SetSequence(tag);
            foreach (JsonElement itemJson in value.EnumerateArray())
            {
                var item = new DicomDataset();
                sequence.Items.Add(item);
                ReadDataset(itemJson, item);
            }

            return;
        }

        var values = new List<string>();
        foreach (JsonElement v in value.EnumerateArray())
        {
            values.Add(v.ValueKind switch
            {
                JsonValueKind.Null => string.Empty,
                JsonValueKind.String => v.GetString()!,
                JsonValueKind.Number => NumberText(v, vr),
                JsonValueKind.Object when vr == DicomVR.PN => PersonName(v),
                _ => throw Invalid($"unexpected JSON {v.ValueKind} in a {vr.Code()} value", tag),
            });
        }

        if (vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN)
        {
            throw Invalid($"{vr.Code()} values must be InlineBinary or BulkDataURI", tag);
        }

        try
        {
            dataset.AddOrUpdate(tag, vr, [.. values]);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new DicomFormatException(DicomFormatError.InvalidValue, $"value does not fit VR {vr.Code()}: {e.Message}", -1, tag, e);
        }
    }

    private static string NumberText(JsonElement number, DicomVR vr)
    {
        string raw = number.GetRawText();
        if (vr == DicomVR.DS && raw.Length > 16)
        {
            return DicomValueCodec.FormatDecimal(number.GetDouble());
        }

        if (vr == DicomVR.IS && !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return ((long)number.GetDouble()).ToString(CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static string PersonName(JsonElement name)
    {
        string Group(string key) => name.TryGetProperty(key, out JsonElement g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : string.Empty;
        // Groups as given ("^^^^" included); only trailing empty groups are dropped.
        return string.Join('=', Group("Alphabetic"), Group("Ideographic"), Group("Phonetic")).TrimEnd('=');
    }

    private static DicomFormatException Invalid(string reason, DicomTag? tag) => new(DicomFormatError.InvalidValue, "invalid DICOM JSON: " + reason, -1, tag);
}
