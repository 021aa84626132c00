using Edge.IO;
using System.Buffers;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom.Network.Storage;

/// <summary>One C-STORE data set on its way to disk. Dispose without <see cref="Complete"/> deletes the temporary file.</summary>
public sealed class IncomingInstance : IDisposable
{
    /// <summary>Walk the whole data set (so truncation is caught) without loading pixel data.</summary>
    private static readonly DicomReadOptions HeaderOnly = new() { ReadPixelData = false };

    private readonly InstanceStore _store;
    private readonly ILogger _logger;
    private readonly SafeFileHandle _handle;
    private readonly string _temporaryPath;
    private long _length;
    private bool _done;

    internal IncomingInstance(InstanceStore store, IncomingInstanceHeader header, string temporaryPath, SafeFileHandle handle, long length, ILogger logger)
    {
        _store = store;
        Header = header;
        _temporaryPath = temporaryPath;
        _handle = handle;
        _length = length;
        _logger = logger;
    }

    public IncomingInstanceHeader Header { get; }

    /// <summary>Bytes in the file so far, meta header included.</summary>
    public long Length => _length;

    public void Write(ReadOnlySequence<byte> data)
    {
        foreach (ReadOnlyMemory<byte> segment in data)
        {
            RandomAccess.Write(_handle, segment.Span, _length);
            _length += segment.Length;
        }
    }

    /// <summary>
    /// Checks the data set against its command, then makes it durable and puts it in place. Only a Success outcome
    /// means the file is at its final path, flushed, with its directory entry flushed.
    /// </summary>
    public StoreOutcome Complete(DateTimeOffset receivedAt)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            StoreOutcome outcome = CompleteCore(receivedAt);
            if (outcome.Instance is null)
            {
                Discard();
            }

            return outcome;
        }
        catch
        {
            Discard();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            Discard();
        }
    }

    private StoreOutcome CompleteCore(DateTimeOffset receivedAt)
    {
        DicomDataset dataset;
        try
        {
            dataset = DicomFile.Open(_temporaryPath, HeaderOnly).Dataset;
        }
        catch (DicomFormatException ex)
        {
            return StoreOutcome.Failed(DimseStatus.CannotUnderstand, $"Data set does not parse: {ex.Reason}");
        }

        string? sopClass = dataset.GetString(DicomTags.SOPClassUID);
        string? sopInstance = dataset.GetString(DicomTags.SOPInstanceUID);
        if (sopClass != Header.SopClassUid)
        {
            return StoreOutcome.Failed(DimseStatus.DataSetDoesNotMatchSopClass, $"SOP Class UID in data set is {sopClass ?? "missing"}");
        }

        if (sopInstance != Header.SopInstanceUid)
        {
            return StoreOutcome.Failed(DimseStatus.DataSetDoesNotMatchSopClass, "SOP Instance UID differs from the command");
        }

        string? study = dataset.GetString(DicomTags.StudyInstanceUID);
        string? series = dataset.GetString(DicomTags.SeriesInstanceUID);
        if (!DicomUidSyntax.IsValid(study) || !DicomUidSyntax.IsValid(series) || !DicomUidSyntax.IsValid(sopInstance))
        {
            return StoreOutcome.Failed(DimseStatus.CannotUnderstand, "Study/Series/SOP Instance UID missing or not a UID");
        }

        RandomAccess.FlushToDisk(_handle);
        _handle.Dispose();
        string directory = Path.Combine(_store.Root, study!, series!);
        string finalPath = Path.Combine(directory, sopInstance + ".dcm");
        InstanceStore.EnsureDirectory(directory);
        bool exists = File.Exists(finalPath);
        if (exists && _store.DuplicatePolicy != DuplicatePolicy.Overwrite)
        {
            NetworkLog.DuplicateKept(_logger, sopInstance!, _store.DuplicatePolicy);
            return _store.DuplicatePolicy == DuplicatePolicy.Reject
                ? StoreOutcome.Failed(DimseStatus.DuplicateSopInstance, "Duplicate of a stored SOP instance")
                : new StoreOutcome(DimseStatus.Success, null, null);
        }

        // rename(2) replaces atomically: a reader sees the old file or the new one, never a partial one.
        File.Move(_temporaryPath, finalPath, overwrite: true);
        DirectorySync.Sync(directory);
        if (exists)
        {
            NetworkLog.DuplicateOverwritten(_logger, sopInstance!, finalPath);
        }

        return StoreOutcome.Stored(new StoredInstance(finalPath, study!, series!, sopInstance!, sopClass!, Header.TransferSyntax.Uid,
            Header.CallingAeTitle, Header.RemoteAddress, Header.AssociationId, _length, receivedAt, exists));
    }

    private void Discard()
    {
        _handle.Dispose();
        try
        {
            File.Delete(_temporaryPath);
        }
        catch (IOException ex)
        {
            NetworkLog.TemporaryFileNotDeleted(_logger, _temporaryPath, ex.Message);
        }
    }
}
