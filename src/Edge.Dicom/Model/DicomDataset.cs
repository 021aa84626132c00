using System.Collections;

namespace Edge.Dicom;

/// <summary>
/// An ordered collection of elements, sequences and fragment sequences, sorted by tag. Appending in tag order,
/// as a reader does, is O(1); anything else is a binary search.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomItem>
{
    private static readonly DicomTag SpecificCharacterSetTag = new(0x0008, 0x0005);

    private readonly List<DicomItem> _items;
    private DicomCharacterSet? _characterSet;

    public DicomDataset()
    {
        _items = [];
    }

    public DicomDataset(IEnumerable<DicomItem> items)
        : this()
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (DicomItem item in items)
        {
            AddOrUpdate(item);
        }
    }

    public int Count => _items.Count;

    /// <summary>The sequence this dataset is an item of, if any.</summary>
    internal DicomSequence? ParentSequence { get; set; }

    /// <summary>The dataset holding the sequence this dataset is an item of, if any.</summary>
    public DicomDataset? Parent => ParentSequence?.Owner;

    /// <summary>
    /// The character set of text values: from (0008,0005) in this dataset, else inherited from the parent
    /// (sequence items, PS3.5 §7.5.3), else the default repertoire.
    /// </summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is { } cached)
            {
                return cached;
            }

            if (this[SpecificCharacterSetTag] is DicomElement element)
            {
                string[] terms = DecodeStrings(element, DicomCharacterSet.Default);
                _characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms);
                return _characterSet;
            }

            return Parent?.CharacterSet ?? DicomCharacterSet.Default;
        }
    }

    public DicomItem? this[DicomTag tag]
    {
        get
        {
            int index = IndexOf(tag);
            return index >= 0 ? _items[index] : null;
        }
    }

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public bool Remove(DicomTag tag)
    {
        int index = IndexOf(tag);
        if (index < 0)
        {
            return false;
        }

        _items.RemoveAt(index);
        OnChanged(tag);
        return true;
    }

    /// <summary>Adds the item, replacing any item with the same tag.</summary>
    public void AddOrUpdate(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is DicomSequence sequence)
        {
            sequence.Owner = this;
        }

        int count = _items.Count;
        if (count == 0 || _items[count - 1].Tag < item.Tag)
        {
            _items.Add(item);
        }
        else
        {
            int index = IndexOf(item.Tag);
            if (index >= 0)
            {
                _items[index] = item;
            }
            else
            {
                _items.Insert(~index, item);
            }
        }

        OnChanged(item.Tag);
    }

    /// <summary>Removes every item whose tag lies in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public int RemoveRange(DicomTag first, DicomTag last)
    {
        int removed = _items.RemoveAll(i => i.Tag >= first && i.Tag <= last);
        if (removed > 0)
        {
            _characterSet = null;
        }

        return removed;
    }

    public void Clear()
    {
        _items.Clear();
        _characterSet = null;
    }

    /// <summary>A copy whose item list is independent; element values and nested items are shared.</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset();
        foreach (DicomItem item in _items)
        {
            copy._items.Add(item is DicomSequence s ? CloneSequence(s, copy) : item);
        }

        return copy;
    }

    public List<DicomItem>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<DicomItem> IEnumerable<DicomItem>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private static DicomSequence CloneSequence(DicomSequence sequence, DicomDataset owner)
    {
        var copy = new DicomSequence(sequence.Tag, sequence.Items.Select(i => i.Clone())) { Owner = owner };
        return copy;
    }

    private int IndexOf(DicomTag tag)
    {
        // Binary search by tag value; the list is kept sorted.
        uint key = tag.Value;
        int lo = 0;
        int hi = _items.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            uint v = _items[mid].Tag.Value;
            if (v == key)
            {
                return mid;
            }

            if (v < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void OnChanged(DicomTag tag)
    {
        if (tag == SpecificCharacterSetTag)
        {
            _characterSet = null;
        }
    }
}
