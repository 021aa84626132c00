namespace Edge.Dicom;

/// <summary>
/// Encapsulated pixel data (PS3.5 §A.4): a Basic Offset Table item followed by fragments. Fragments read from
/// a file for a header-only read stay on disk until they are indexed.
/// </summary>
public sealed class DicomFragmentSequence : DicomItem
{
    private readonly List<uint> _offsetTable;
    private readonly DicomFragmentList _fragments;

    public DicomFragmentSequence(DicomTag tag, DicomVR vr, IEnumerable<uint> basicOffsetTable, IEnumerable<ReadOnlyMemory<byte>> fragments)
        : base(tag, vr)
    {
        _offsetTable = [.. basicOffsetTable];
        _fragments = new DicomFragmentList();
        foreach (ReadOnlyMemory<byte> fragment in fragments)
        {
            _fragments.Add(fragment);
        }
    }

    internal DicomFragmentSequence(DicomTag tag, DicomVR vr, List<uint> basicOffsetTable, DicomFragmentList fragments)
        : base(tag, vr)
    {
        _offsetTable = basicOffsetTable;
        _fragments = fragments;
    }

    /// <summary>Offsets of each frame's first fragment, relative to the first fragment's item tag; often empty.</summary>
    public IReadOnlyList<uint> BasicOffsetTable => _offsetTable;

    /// <summary>The fragments in order (without item headers); indexing a lazy fragment reads it from its file.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Fragments => _fragments;

    /// <summary>Length of fragment <paramref name="index"/> without loading it.</summary>
    public long GetFragmentLength(int index) => _fragments.GetLength(index);

    /// <summary>Total bytes of all fragments (without item headers).</summary>
    public long TotalFragmentLength => _fragments.TotalLength;

    public void AddFragment(ReadOnlyMemory<byte> fragment) => _fragments.Add(fragment);

    public void SetBasicOffsetTable(IEnumerable<uint> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        _offsetTable.Clear();
        _offsetTable.AddRange(offsets);
    }
}
