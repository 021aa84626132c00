using System.Text;

namespace Edge.Dicom.Tests.CharacterSets;

public sealed class DicomCharacterSetTests
{
    private static DicomCharacterSet Set(params string[] terms) => DicomCharacterSet.FromSpecificCharacterSet(terms);

    // Golden bytes: the examples of PS3.5 Annexes H, I, J, K as stored in pydicom's charset_files (trailing pad removed).
    public static TheoryData<string[], string, string> IsoExtensionExamples => new()
    {
        {
            ["", "ISO 2022 IR 87"], "Yamada^Tarou=山田^太郎=やまだ^たろう",
            "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d1b24422464245e24401b28425e1b2442243f246d24261b2842"
        },
        {
            ["ISO 2022 IR 13", "ISO 2022 IR 87"], "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
            "d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a1b284a3d1b24422464245e24401b284a5e1b2442243f246d24261b284a"
        },
        {
            ["", "ISO 2022 IR 149"], "Hong^Gildong=洪^吉洞=홍^길동",
            "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943b1e6b5bf"
        },
        {
            // PS3.5 Annex K.2: GB 2312 in G1, re-designated after each delimiter.
            ["", "ISO 2022 IR 58"], "Zhang^SanFeng=章^三丰",
            "5a68616e675e53616e46656e673d1b242941d5c25e1b242941c8fdb7e1"
        },
        {
            // JIS X 0212 for a character JIS X 0208 lacks, then JIS X 0208, then back to ASCII at the end.
            ["", "ISO 2022 IR 87", "ISO 2022 IR 159"], "丂山田",
            "1b24284430211b24423b3345441b2842"
        },
    };

    [Theory]
    [MemberData(nameof(IsoExtensionExamples))]
    public void Iso2022_examples_encode_to_the_standard_bytes_and_decode_back(string[] terms, string text, string hex)
    {
        DicomCharacterSet set = Set(terms);
        Assert.True(set.UsesCodeExtensions);
        Assert.Empty(set.Warnings);
        Assert.True(set.TryEncode(text, DicomVR.PN, out byte[] bytes));
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
        Assert.Equal(text, set.Decode(Convert.FromHexString(hex), DicomVR.PN));
    }

    [Theory]
    [InlineData("ISO_IR 100", "Buc^Jérôme", "4275635e4ae972f46d65")]
    [InlineData("ISO_IR 101", "Łódź", "a3f364bc")]
    [InlineData("ISO_IR 109", "Ħĉ", "a1e6")]
    [InlineData("ISO_IR 110", "Ķē", "d3ba")]
    [InlineData("ISO_IR 144", "Люкceмбypг", "bbeeda6365dcd17970d3")]
    [InlineData("ISO_IR 127", "قباني^لنزار", "e2c8c7e6ea5ee4e6d2c7d1")]
    [InlineData("ISO_IR 126", "Διονυσιος", "c4e9efedf5f3e9eff2")]
    [InlineData("ISO_IR 138", "שרון^דבורה", "f9f8e5ef5ee3e1e5f8e4")]
    [InlineData("ISO_IR 148", "Şığ", "defdf0")]
    [InlineData("ISO_IR 203", "€Œ", "a4bc")]
    [InlineData("ISO_IR 166", "กข", "a1a2")]
    [InlineData("ISO_IR 13", "ﾔﾏﾀﾞ", "d4cfc0de")]
    [InlineData("ISO_IR 192", "Wang^XiaoDong=王^小東", "57616e675e5869616f446f6e673de78e8b5ee5b08fe69db1")]
    [InlineData("GB18030", "Wang^XiaoDong=王^小东", "57616e675e5869616f446f6e673dcdf55ed0a1b6ab")]
    [InlineData("GBK", "王小东", "cdf5d0a1b6ab")]
    public void Sets_without_extensions_round_trip(string term, string text, string hex)
    {
        DicomCharacterSet set = Set(term);
        Assert.False(set.UsesCodeExtensions);
        Assert.Equal(text, set.Decode(Convert.FromHexString(hex), DicomVR.PN));
        Assert.True(set.TryEncode(text, DicomVR.PN, out byte[] bytes));
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Single_byte_sets_agree_with_pydicom_over_their_whole_right_half()
    {
        string[] terms = ["ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 126", "ISO_IR 127", "ISO_IR 138", "ISO_IR 144", "ISO_IR 148", "ISO_IR 166"];
        const string script = """
            import sys
            from pydicom.charset import convert_encodings
            for term in sys.argv[1:]:
                enc = convert_encodings([term])[0]
                chars = []
                for b in range(0xA0, 0x100):
                    try:
                        chars.append('%04X' % ord(bytes([b]).decode(enc)))
                    except UnicodeDecodeError:
                        chars.append('FFFD')
                print(term + ':' + ','.join(chars))
            """;
        foreach (string line in PythonOracle.Run(script, terms).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string term = line[..line.IndexOf(':', StringComparison.Ordinal)];
            string[] expected = line[(term.Length + 1)..].Trim().Split(',');
            DicomCharacterSet set = Set(term);
            for (int b = 0xA0; b <= 0xFF; b++)
            {
                string actual = set.Decode([(byte)b], DicomVR.LO);
                Assert.True(expected[b - 0xA0] == ((int)actual[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture), $"{term} 0x{b:X2}: pydicom {expected[b - 0xA0]}, Edge {(int)actual[0]:X4}");
            }
        }
    }

    [Fact]
    public void Escape_state_resets_at_each_value_delimiter()
    {
        DicomCharacterSet set = Set("", "ISO 2022 IR 149");
        // After the backslash G1 is back to value 1 (none), so the second pair is not Korean.
        byte[] raw = [.. "\e$)C"u8, 0xB1, 0xE8, (byte)'\\', 0xB1, 0xE8];
        Assert.Equal("김\\\u00B1\u00E8", set.Decode(raw, DicomVR.LO));
        // In a single-valued VR the backslash is an ordinary character and the state holds.
        Assert.Equal("김\\김", set.Decode(raw, DicomVR.LT));
    }

    [Fact]
    public void Escape_state_resets_at_control_characters_and_person_name_delimiters()
    {
        DicomCharacterSet set = Set("", "ISO 2022 IR 87");
        // ESC $ B without a return to ASCII before CR LF: the line end still returns G0 to ASCII.
        byte[] text = [.. "\e$B"u8, 0x3B, 0x33, (byte)'\r', (byte)'\n', (byte)'A', (byte)'B'];
        Assert.Equal("山\r\nAB", set.Decode(text, DicomVR.LT));

        DicomCharacterSet korean = Set("", "ISO 2022 IR 149");
        byte[] name = [.. "\e$)C"u8, 0xC8, 0xAB, (byte)'=', 0xC8, 0xAB, (byte)'^', .. "\e$)C"u8, 0xC8, 0xAB];
        Assert.Equal("홍=\u00C8\u00AB^홍", korean.Decode(name, DicomVR.PN));
    }

    [Fact]
    public void Encoder_returns_to_value_one_before_delimiters_and_at_the_end()
    {
        DicomCharacterSet set = Set("", "ISO 2022 IR 87");
        byte[] bytes = set.Encode("山\\田", DicomVR.LO);
        Assert.Equal("1b24423b331b28425c1b244245441b2842", Convert.ToHexStringLower(bytes));
        Assert.Equal("山\\田", set.Decode(bytes, DicomVR.LO));
    }

    [Fact]
    public void Unencodable_characters_become_question_marks_and_are_reported()
    {
        Assert.False(Set("ISO_IR 100").TryEncode("Jérôme 山", DicomVR.LO, out byte[] latin));
        Assert.Equal("Jérôme ?", Set("ISO_IR 100").Decode(latin, DicomVR.LO));
        Assert.False(DicomCharacterSet.Default.TryEncode("é", DicomVR.LO, out byte[] ascii));
        Assert.Equal("?"u8.ToArray(), ascii);
        Assert.False(Set("", "ISO 2022 IR 87").TryEncode("山€", DicomVR.LO, out byte[] jis));
        Assert.Equal("1b24423b331b28423f", Convert.ToHexStringLower(jis));
    }

    [Fact]
    public void Default_repertoire_reads_high_bytes_as_latin1_rather_than_losing_them()
    {
        Assert.Equal("Jérôme", DicomCharacterSet.Default.Decode("J\xe9r\xf4me"u8.ToArray().Length == 0 ? [] : [0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], DicomVR.LO));
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromSpecificCharacterSet([]));
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromSpecificCharacterSet([" "]));
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromSpecificCharacterSet(null));
    }

    [Fact]
    public void Vrs_outside_specific_character_set_are_default_repertoire()
    {
        DicomCharacterSet set = Set("ISO_IR 192");
        byte[] utf8 = Encoding.UTF8.GetBytes("é");
        Assert.Equal("\u00C3\u00A9", set.Decode(utf8, DicomVR.CS));
        Assert.Equal("é", set.Decode(utf8, DicomVR.LO));
        Assert.Equal([0xE9], set.Encode("é", DicomVR.CS));
    }

    [Fact]
    public void Unknown_terms_never_throw_and_are_reported()
    {
        DicomCharacterSet set = Set("KLINGON");
        Assert.Single(set.Warnings);
        Assert.Contains("KLINGON", set.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("é", set.Decode([0xE9], DicomVR.LO));

        DicomCharacterSet misspelt = Set("ISO-IR 144");
        Assert.Contains("ISO_IR 144", misspelt.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("Л", misspelt.Decode([0xBB], DicomVR.LO));

        DicomCharacterSet utf8 = Set("ISO_IR 192", "ISO 2022 IR 87");
        Assert.Contains("allows no code extensions", utf8.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("王", utf8.Decode([0xE7, 0x8E, 0x8B], DicomVR.LO));

        DicomCharacterSet misplaced = Set("ISO 2022 IR 100", "GB18030");
        Assert.Contains("cannot be a code extension", misplaced.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("é", misplaced.Decode([0xE9], DicomVR.LO));
    }

    [Fact]
    public void Truncated_multibyte_input_decodes_with_replacement_characters()
    {
        DicomCharacterSet jis = Set("", "ISO 2022 IR 87");
        Assert.Equal("\uFFFD", jis.Decode([.. "\e$B"u8, 0x3B], DicomVR.LO));
        DicomCharacterSet korean = Set("", "ISO 2022 IR 149");
        Assert.Equal("\uFFFD", korean.Decode([.. "\e$)C"u8, 0xB1], DicomVR.LO));
        Assert.Equal("\e%G", jis.Decode("\e%G"u8, DicomVR.LO));
    }

    [Fact]
    public void Long_values_decode_beyond_the_stack_buffer()
    {
        DicomCharacterSet set = Set("", "ISO 2022 IR 87");
        string text = string.Concat(Enumerable.Repeat("山田^", 400));
        byte[] bytes = set.Encode(text, DicomVR.UT);
        Assert.Equal(text, set.Decode(bytes, DicomVR.UT));
    }
}
