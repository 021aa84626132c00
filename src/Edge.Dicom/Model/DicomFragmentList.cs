using System.Collections;

namespace Edge.Dicom;

/// <summary>Fragments held in memory or as file ranges, loaded one at a time on first access.</summary>
internal sealed class DicomFragmentList : IReadOnlyList<ReadOnlyMemory<byte>>
{
    private readonly List<ReadOnlyMemory<byte>> _loaded = [];
    private readonly List<DicomBulkDataRange?> _ranges = [];
    private readonly Lock _gate = new();

    public int Count => _loaded.Count;

    public long TotalLength
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _loaded.Count; i++)
            {
                total += GetLength(i);
            }

            return total;
        }
    }

    public ReadOnlyMemory<byte> this[int index]
    {
        get
        {
            lock (_gate)
            {
                DicomBulkDataRange? range = _ranges[index];
                if (range is not null)
                {
                    _loaded[index] = range.Load();
                    _ranges[index] = null;
                }

                return _loaded[index];
            }
        }
    }

    public long GetLength(int index) => _ranges[index]?.Length ?? _loaded[index].Length;

    public void Add(ReadOnlyMemory<byte> fragment)
    {
        _loaded.Add(fragment);
        _ranges.Add(null);
    }

    public void Add(DicomBulkDataRange range)
    {
        _loaded.Add(ReadOnlyMemory<byte>.Empty);
        _ranges.Add(range);
    }

    public IEnumerator<ReadOnlyMemory<byte>> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
