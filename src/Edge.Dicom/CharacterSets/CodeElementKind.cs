namespace Edge.Dicom;

/// <summary>How the bytes of one graphic character set (ISO 2022 code element) map to characters.</summary>
internal enum CodeElementKind
{
    /// <summary>ISO-IR 6 in G0, or the JIS X 0201 romaji set (ISO-IR 14), which DICOM readers treat as ASCII.</summary>
    Ascii,

    /// <summary>A 96-character ISO 8859 right half (or TIS 620) in G1: one byte 0xA0-0xFF.</summary>
    SingleByte,

    /// <summary>JIS X 0201 katakana (ISO-IR 13) in G1: one byte 0xA1-0xDF.</summary>
    Katakana,

    /// <summary>A 94 x 94 set: two bytes 0x21-0x7E in G0 (JIS X 0208/0212) or 0xA1-0xFE in G1 (KS X 1001, GB 2312).</summary>
    DoubleByte,
}
