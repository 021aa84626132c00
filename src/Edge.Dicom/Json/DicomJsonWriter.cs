using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Edge.Dicom;

/// <summary>
/// Writes the DICOM JSON model (PS3.18 §F.2): one object per dataset keyed by 8-digit tags, each with "vr" and
/// "Value", "InlineBinary" or "BulkDataURI".
/// </summary>
internal sealed class DicomJsonWriter(Utf8JsonWriter json, DicomJsonOptions options)
{
    public void WriteDataset(DicomDataset dataset)
    {
        json.WriteStartObject();
        foreach (DicomItem item in dataset)
        {
            if (item.Tag.IsGroupLength && !options.IncludeGroupLengths)
            {
                continue;
            }

            json.WritePropertyName(item.Tag.Value.ToString("X8", CultureInfo.InvariantCulture));
            WriteItem(dataset, item);
        }

        json.WriteEndObject();
    }

    private void WriteItem(DicomDataset dataset, DicomItem item)
    {
        json.WriteStartObject();
        json.WriteString("vr", item.VR == DicomVR.None ? "UN" : item.VR.Code());
        switch (item)
        {
            case DicomSequence sequence:
                if (sequence.Items.Count > 0)
                {
                    json.WriteStartArray("Value");
                    foreach (DicomDataset child in sequence.Items)
                    {
                        WriteDataset(child);
                    }

                    json.WriteEndArray();
                }

                break;
            case DicomFragmentSequence fragments:
                WriteBinary(item, fragments.TotalFragmentLength, () => DicomFragmentEncoding.Encode(fragments));
                break;
            case DicomElement element:
                WriteElementValue(dataset, element);
                break;
        }

        json.WriteEndObject();
    }

    private void WriteElementValue(DicomDataset dataset, DicomElement element)
    {
        DicomVR vr = element.VR;
        if (element.ValueLength == 0)
        {
            return;
        }

        if (vr == DicomVR.PN)
        {
            WritePersonNames(dataset.GetStrings(element.Tag));
        }
        else if (vr is DicomVR.DS or DicomVR.IS)
        {
            WriteNumericStrings(dataset.GetStrings(element.Tag), vr);
        }
        else if (vr.IsString())
        {
            string[] values = dataset.GetStrings(element.Tag);
            if (values.Length > 0)
            {
                json.WriteStartArray("Value");
                foreach (string v in values)
                {
                    if (v.Length == 0)
                    {
                        json.WriteNullValue();
                    }
                    else
                    {
                        json.WriteStringValue(v);
                    }
                }

                json.WriteEndArray();
            }
        }
        else if (DicomValueCodec.IsBinaryNumber(vr))
        {
            WriteBinaryNumbers(element);
        }
        else if (vr == DicomVR.AT)
        {
            json.WriteStartArray("Value");
            foreach (DicomTag t in dataset.GetTags(element.Tag))
            {
                json.WriteStringValue(t.Value.ToString("X8", CultureInfo.InvariantCulture));
            }

            json.WriteEndArray();
        }
        else
        {
            WriteBinary(element, element.ValueLength, () => element.RawValue);
        }
    }

    private void WriteBinary(DicomItem item, long length, Func<ReadOnlyMemory<byte>> bytes)
    {
        if (length > options.BulkDataThreshold && options.BulkDataUri(item) is { } uri)
        {
            json.WriteString("BulkDataURI", uri);
            return;
        }

        json.WriteBase64String("InlineBinary", bytes().Span);
    }

    private void WritePersonNames(string[] values)
    {
        if (values.Length == 0)
        {
            return;
        }

        json.WriteStartArray("Value");
        foreach (string value in values)
        {
            if (value.Length == 0)
            {
                json.WriteNullValue();
                continue;
            }

            // Component groups as encoded (F.2.2): "^^^^" stays, only trailing spaces are padding.
            string[] groups = value.Split('=');
            json.WriteStartObject();
            WriteGroup("Alphabetic", groups[0]);
            WriteGroup("Ideographic", groups.Length > 1 ? groups[1] : string.Empty);
            WriteGroup("Phonetic", groups.Length > 2 ? groups[2] : string.Empty);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteGroup(string name, string value)
    {
        value = value.TrimEnd(' ');
        if (value.Length > 0)
        {
            json.WriteString(name, value);
        }
    }

    private void WriteNumericStrings(string[] values, DicomVR vr)
    {
        if (values.Length == 0)
        {
            return;
        }

        json.WriteStartArray("Value");
        foreach (string value in values)
        {
            if (value.Length == 0)
            {
                json.WriteNullValue();
            }
            else if (vr == DicomVR.IS && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                json.WriteNumberValue(l);
            }
            else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
            {
                json.WriteNumberValue(d);
            }
            else
            {
                // Not a number although the VR says so: keep the text rather than lose it (F.2.3 has no number for it).
                json.WriteStringValue(value);
            }
        }

        json.WriteEndArray();
    }

    private void WriteBinaryNumbers(DicomElement element)
    {
        ReadOnlySpan<byte> raw = element.RawValue.Span;
        int count = DicomValueCodec.BinaryCount(element.VR, raw.Length);
        if (count == 0)
        {
            return;
        }

        json.WriteStartArray("Value");
        for (int i = 0; i < count; i++)
        {
            switch (element.VR)
            {
                case DicomVR.FL or DicomVR.FD:
                    DicomValueCodec.TryReadBinary(raw, element.VR, i, out double d);
                    if (double.IsFinite(d))
                    {
                        if (element.VR == DicomVR.FL)
                        {
                            json.WriteNumberValue((float)d);
                        }
                        else
                        {
                            json.WriteNumberValue(d);
                        }
                    }
                    else
                    {
                        // JSON has no NaN or infinity; the text form keeps the value readable.
                        json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case DicomVR.UV:
                    json.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(raw[(i * 8)..]));
                    break;
                default:
                    DicomValueCodec.TryReadBinaryInteger(raw, element.VR, i, out long l);
                    json.WriteNumberValue(l);
                    break;
            }
        }

        json.WriteEndArray();
    }
}
