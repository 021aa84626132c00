namespace Edge.Dicom;

/// <summary>Why a byte stream was rejected as DICOM; carried by <see cref="DicomFormatException"/>.</summary>
public enum DicomFormatError
{
    /// <summary>The input ended before a complete element, item or sequence (incomplete input).</summary>
    Truncated,

    /// <summary>A length does not fit the bytes that remain, the enclosing item, or the encoding rules.</summary>
    InvalidLength,

    /// <summary>A tag appears where the encoding does not allow it (for example a stray item tag).</summary>
    UnexpectedTag,

    /// <summary>Sequences nest deeper than <see cref="DicomReadOptions.MaxNestingDepth"/>.</summary>
    NestingTooDeep,

    /// <summary>The file meta information or the start of the dataset cannot be recognised as DICOM.</summary>
    NotDicom,

    /// <summary>The deflated part of a Deflated Explicit VR Little Endian stream cannot be inflated.</summary>
    InvalidDeflate,

    /// <summary>An explicit VR field holds bytes that are not a VR.</summary>
    InvalidVR,

    /// <summary>A value cannot be encoded or decoded as its VR requires.</summary>
    InvalidValue,
}
