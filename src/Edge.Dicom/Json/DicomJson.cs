using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edge.Dicom;

/// <summary>The DICOM JSON model (PS3.18 §F.2) for datasets; the file meta information is not part of it.</summary>
public static class DicomJson
{
    /// <summary>
    /// Names in any script and URIs with '&amp;' stay readable; the output is JSON for files and APIs, never
    /// embedded in HTML, so HTML-sensitive characters need no escaping.
    /// </summary>
    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static string Serialize(DicomDataset dataset, DicomJsonOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(buffer, dataset, options);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Serialize(IBufferWriter<byte> output, DicomDataset dataset, DicomJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= DicomJsonOptions.Default;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.Indented, Encoder = JsonEncoder });
        new DicomJsonWriter(json, options).WriteDataset(dataset);
        json.Flush();
    }

    public static void Serialize(Stream output, DicomDataset dataset, DicomJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= DicomJsonOptions.Default;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.Indented, Encoder = JsonEncoder });
        new DicomJsonWriter(json, options).WriteDataset(dataset);
        json.Flush();
    }

    /// <summary>
    /// Parses a DICOM JSON object. Values given only by BulkDataURI become empty values (the URI is not fetched).
    /// </summary>
    /// <exception cref="DicomFormatException">The text is not JSON, or not the DICOM JSON model.</exception>
    public static DicomDataset Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = DicomReadOptions.Default.MaxNestingDepth * 4 });
            var dataset = new DicomDataset();
            DicomJsonReader.ReadDataset(document.RootElement, dataset);
            return dataset;
        }
        catch (JsonException e)
        {
            throw new DicomFormatException(DicomFormatError.InvalidValue, "not valid JSON: " + e.Message, e.BytePositionInLine ?? -1, null, e);
        }
    }
}
