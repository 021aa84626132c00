namespace Edge.Inference.Packages;

/// <summary>
/// A coded concept as DICOM uses it (PS3.3 Code Sequence Macro): coding scheme designator, code value and meaning,
/// e.g. ("SCT", "15776009", "Pancreas"). SR and SEG writers reuse these verbatim.
/// </summary>
public sealed record CodedConcept(string Scheme, string Value, string Meaning);
