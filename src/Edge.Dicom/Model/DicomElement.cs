namespace Edge.Dicom;

/// <summary>
/// A non-sequence element. Its value bytes are always little endian in memory (big-endian input is swapped on
/// read). Large values read from a file may be a lazily loaded range: <see cref="RawValue"/> loads them.
/// </summary>
public sealed class DicomElement : DicomItem
{
    private ReadOnlyMemory<byte> _value;
    private DicomBulkDataRange? _bulk;

    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
        : base(tag, vr)
    {
        _value = value;
    }

    internal DicomElement(DicomTag tag, DicomVR vr, DicomBulkDataRange bulk)
        : base(tag, vr)
    {
        _bulk = bulk;
    }

    /// <summary>The value bytes, without the element header; loads a lazy range on first use.</summary>
    public ReadOnlyMemory<byte> RawValue
    {
        get
        {
            DicomBulkDataRange? bulk = Volatile.Read(ref _bulk);
            if (bulk is not null)
            {
                _value = bulk.Load();
                Volatile.Write(ref _bulk, null);
            }

            return _value;
        }
    }

    /// <summary>False while the value is still only a file range.</summary>
    public bool IsBulkDataLoaded => Volatile.Read(ref _bulk) is null;

    /// <summary>Length of the value in bytes, known without loading it.</summary>
    public long ValueLength => Volatile.Read(ref _bulk)?.Length ?? _value.Length;

    /// <summary>Where an unloaded value lives in its file, or null once loaded or when it never was a range.</summary>
    public DicomBulkDataRange? BulkDataRange => Volatile.Read(ref _bulk);
}
