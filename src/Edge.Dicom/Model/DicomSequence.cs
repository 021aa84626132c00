namespace Edge.Dicom;

/// <summary>A sequence of items (VR SQ), each item a nested dataset.</summary>
public sealed class DicomSequence : DicomItem
{
    private readonly DicomSequenceItems _items;

    public DicomSequence(DicomTag tag, params IEnumerable<DicomDataset> items)
        : base(tag, DicomVR.SQ)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = new DicomSequenceItems(this);
        foreach (DicomDataset item in items)
        {
            _items.Add(item);
        }
    }

    public IList<DicomDataset> Items => _items;

    /// <summary>The dataset holding this sequence; items inherit its character set.</summary>
    internal DicomDataset? Owner { get; set; }
}
