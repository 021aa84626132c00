using System.Text.Json;

namespace Edge.Dicom.Tests.CharacterSets;

/// <summary>
/// Every text element that uses Specific Character Set in pydicom's corpus (charset_files and test_files), nested
/// sequence items included, decodes to pydicom's string. The raw bytes and the terms in effect come from pydicom
/// itself, so the decoder is checked independently of Edge's reader.
/// </summary>
public sealed class DicomCharacterSetCorpusTests
{
    private static readonly string OracleScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CharacterSets", "charset_oracle.py"));

    [Fact]
    public void Every_text_element_of_the_corpus_decodes_like_pydicom()
    {
        string[] files = Directory.GetFiles(Path.Combine(PythonOracle.PydicomData, "charset_files"), "*.dcm")
            .Concat(Directory.GetFiles(Path.Combine(PythonOracle.PydicomData, "test_files"), "*.dcm", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(files.Length > 60, "pydicom's corpus is missing: install python3-pydicom");

        using JsonDocument doc = JsonDocument.Parse(PythonOracle.Run(OracleScript, files));
        var mismatches = new List<string>();
        int compared = 0;
        int nonAscii = 0;
        var filesWithText = new HashSet<string>();
        foreach (JsonElement row in doc.RootElement.EnumerateArray())
        {
            string[] terms = row.GetProperty("terms").EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToArray();
            DicomVR vr = Enum.Parse<DicomVR>(row.GetProperty("vr").GetString()!);
            byte[] raw = Convert.FromHexString(row.GetProperty("raw").GetString()!);
            string expected = row.GetProperty("text").GetString()!;
            string actual = Normalize(DicomCharacterSet.FromSpecificCharacterSet(terms).Decode(raw, vr), vr);
            compared++;
            filesWithText.Add(row.GetProperty("file").GetString()!);
            if (expected.Any(c => c > 0x7F))
            {
                nonAscii++;
            }

            if (actual != expected)
            {
                mismatches.Add($"{Path.GetFileName(row.GetProperty("file").GetString())} {row.GetProperty("tag").GetString()} {vr} [{string.Join('\\', terms)}]: expected '{expected}', got '{actual}'");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(30)));
        Assert.True(compared > 1000, $"only {compared} text elements compared");
        Assert.True(nonAscii >= 20, $"only {nonAscii} non-ASCII values compared");
        foreach (string charsetFile in Directory.GetFiles(Path.Combine(PythonOracle.PydicomData, "charset_files"), "*.dcm"))
        {
            Assert.Contains(charsetFile, filesWithText);
        }
    }

    [Fact]
    public void Whole_charset_files_read_through_the_dataset_give_pydicom_strings()
    {
        string[] files = Directory.GetFiles(Path.Combine(PythonOracle.PydicomData, "charset_files"), "*.dcm").Order(StringComparer.Ordinal).ToArray();
        using JsonDocument doc = JsonDocument.Parse(PythonOracle.Run(OracleScript, files));
        var expected = doc.RootElement.EnumerateArray().ToDictionary(
            r => $"{Path.GetFileName(r.GetProperty("file").GetString())}:{r.GetProperty("path").GetString()}",
            r => (Vr: Enum.Parse<DicomVR>(r.GetProperty("vr").GetString()!), Text: r.GetProperty("text").GetString()!));
        var seen = new HashSet<string>();
        var mismatches = new List<string>();
        foreach (string file in files)
        {
            Walk(Path.GetFileName(file), DicomFile.Open(file).Dataset, string.Empty);
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(30)));
        Assert.Equal(expected.Keys.Order(), seen.Order());

        void Walk(string file, DicomDataset dataset, string prefix)
        {
            foreach (DicomItem item in dataset)
            {
                string path = prefix + item.Tag.Value.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
                if (item is DicomSequence sequence)
                {
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        Walk(file, sequence.Items[i], $"{path}[{i}]/");
                    }
                }
                else if (expected.TryGetValue($"{file}:{path}", out var want))
                {
                    seen.Add($"{file}:{path}");
                    string actual = Normalize(dataset.GetString(item.Tag) ?? string.Empty, want.Vr);
                    if (actual != want.Text)
                    {
                        mismatches.Add($"{file} {path}: expected '{want.Text}', got '{actual}' ({dataset.CharacterSet})");
                    }
                }
            }
        }
    }

    /// <summary>
    /// pydicom strips trailing spaces and NULs from each value and, for PN, empty trailing component groups
    /// ("Wang^XiaoDong=王^小東=" reads as "Wang^XiaoDong=王^小東"); the element reader does the same trimming.
    /// </summary>
    private static string Normalize(string text, DicomVR vr)
    {
        string[] values = vr.IsSingleValuedText() ? [text] : text.Split('\\');
        for (int i = 0; i < values.Length; i++)
        {
            string v = values[i].TrimEnd(' ', '\0');
            if (vr == DicomVR.PN)
            {
                v = v.TrimEnd('=');
            }

            values[i] = v;
        }

        return string.Join('\\', values);
    }
}
