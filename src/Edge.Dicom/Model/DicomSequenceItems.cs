using System.Collections.ObjectModel;

namespace Edge.Dicom;

/// <summary>Keeps every item linked to its sequence so that character sets are inherited (PS3.5 §7.5.3).</summary>
internal sealed class DicomSequenceItems(DicomSequence sequence) : Collection<DicomDataset>
{
    protected override void InsertItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.ParentSequence = sequence;
        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.ParentSequence = sequence;
        base.SetItem(index, item);
    }
}
