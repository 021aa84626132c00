using System.Globalization;
using System.Text;

namespace Edge.Dicom;

/// <summary>
/// A readable listing of a file, one element per line: tag, VR, length, value (shortened), keyword; sequence
/// items indented. Values still on disk are described, not loaded.
/// </summary>
public static class DicomDump
{
    /// <summary>Longest value text shown before it is cut with an ellipsis.</summary>
    public const int MaxValueLength = 64;

    /// <summary>Binary values show this many leading bytes in hex.</summary>
    private const int BinaryPreviewBytes = 12;

    public static void Write(TextWriter output, DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(file);
        output.WriteLine($"# File meta information");
        WriteDataset(output, file.FileMetaInformation, 0);
        output.WriteLine($"# Dataset: {file.TransferSyntax.Name} ({file.TransferSyntax.Uid})");
        WriteDataset(output, file.Dataset, 0);
        foreach (string warning in file.Warnings)
        {
            output.WriteLine($"# warning: {warning}");
        }
    }

    public static void WriteDataset(TextWriter output, DicomDataset dataset, int depth)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        string indent = new(' ', depth * 2);
        foreach (DicomItem item in dataset)
        {
            string length = item switch
            {
                DicomElement e => e.ValueLength.ToString(CultureInfo.InvariantCulture),
                _ => "undef",
            };
            string value = Describe(dataset, item);
            output.WriteLine($"{indent}{item.Tag} {item.VR.Code()} {length,9}  {value,-MaxValueLength}  {Name(dataset, item.Tag)}".TrimEnd());
            if (item is DicomSequence sequence)
            {
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    output.WriteLine($"{indent}  > item {i + 1}");
                    WriteDataset(output, sequence.Items[i], depth + 2);
                }
            }
        }
    }

    public static string ToText(DicomFile file)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, file);
        return writer.ToString();
    }

    private static string Describe(DicomDataset dataset, DicomItem item) => item switch
    {
        DicomSequence s => $"({s.Items.Count} item{(s.Items.Count == 1 ? string.Empty : "s")})",
        DicomFragmentSequence f => $"(encapsulated: {f.BasicOffsetTable.Count} offsets, {f.Fragments.Count} fragments, {f.TotalFragmentLength} bytes)",
        DicomElement { IsBulkDataLoaded: false } e => $"(not loaded: {e.ValueLength} bytes at offset {e.BulkDataRange!.Offset})",
        DicomElement e => Shorten(ValueText(dataset, e)),
        _ => string.Empty,
    };

    private static string ValueText(DicomDataset dataset, DicomElement element)
    {
        if (element.ValueLength == 0)
        {
            return "(empty)";
        }

        if (element.VR.IsString() || DicomValueCodec.IsBinaryNumber(element.VR) || element.VR == DicomVR.AT)
        {
            string text = dataset.GetString(element.Tag) ?? string.Empty;
            return element.VR.IsString() ? $"[{Printable(text)}]" : text;
        }

        ReadOnlySpan<byte> raw = element.RawValue.Span;
        var sb = new StringBuilder();
        int n = Math.Min(raw.Length, BinaryPreviewBytes);
        for (int i = 0; i < n; i++)
        {
            sb.Append(raw[i].ToString("X2", CultureInfo.InvariantCulture)).Append(' ');
        }

        if (raw.Length > n)
        {
            sb.Append('…');
        }

        return sb.ToString().TrimEnd();
    }

    private static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c is '\r' or '\n' or '\t' ? ' ' : char.IsControl(c) ? '.' : c);
        }

        return sb.ToString();
    }

    private static string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";

    private static string Name(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsPrivate && tag.Element >= 0x1000)
        {
            string? creator = dataset.PrivateCreatorOf(tag);
            return creator is not null && DicomDictionary.TryGetPrivateEntry(creator, tag, out DicomDictionaryEntry? p)
                ? $"[{creator}] {p.Name}"
                : creator is not null ? $"[{creator}]" : "(private, no creator)";
        }

        return DicomDictionary.GetKeyword(tag) ?? (tag.IsPrivateCreator ? "PrivateCreator" : "(unknown)");
    }
}
