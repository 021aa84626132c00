using System.Diagnostics.CodeAnalysis;

namespace Edge.Store.Files;

/// <summary>
/// A file stream for LiteDB's data and log files that (1) never buffers in user space, so every page LiteDB
/// writes is a <c>pwrite</c> into the kernel the moment LiteDB returns from a commit, and (2) turns
/// <see cref="Flush()"/> into <c>fsync</c>.
/// </summary>
/// <remarks>
/// Why: LiteDB 5.0.21 writes a commit's pages to the log with plain <c>Stream.Write</c> and never flushes the
/// log (TransactionService.Commit -> DiskService.WriteLogDisk). Its only flushes are
/// <c>StreamExtensions.FlushToDisk</c> at file creation and at checkpoint (WalIndexService.CheckpointInternal
/// -> DiskService.WriteDataDisk). When LiteDB is handed streams instead of a file name it wraps them in its
/// ConcurrentStream, whose FlushToDisk degrades to <c>Stream.Flush()</c>; this type maps that back to
/// <c>fsync</c>, so checkpoints stay durable. Commits are made durable by <see cref="EdgeStore"/>, which calls
/// <see cref="SyncIfDirty"/> on the log after each commit it acknowledges.
/// The file is opened with <see cref="FileShare.None"/>: on Linux .NET takes an exclusive advisory lock, so a
/// second process (or a second open in this one) cannot write the same database.
/// </remarks>
internal sealed class SyncedFileStream : Stream
{
    private readonly FileStream _file;
    private int _dirty;
    private long _syncCount;

    private SyncedFileStream(FileStream file) => _file = file;

    public string Path => _file.Name;

    /// <summary>How many times this stream has called fsync; tests use it to prove commits reach the disk.</summary>
    public long SyncCount => Interlocked.Read(ref _syncCount);

    /// <summary>True while bytes written since the last fsync may still be only in the page cache.</summary>
    public bool IsDirty => Volatile.Read(ref _dirty) != 0;

    public static SyncedFileStream Open(string path)
    {
        try
        {
            // bufferSize 0: no FileStream buffer, so a kill -9 after a commit returns cannot lose bytes held in
            // this process; RandomAccess: LiteDB seeks to page positions itself.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None,
                bufferSize: 0, FileOptions.RandomAccess);
            return new SyncedFileStream(file);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            ThrowLocked(path, ex);
            return null;
        }
    }

    [DoesNotReturn]
    private static void ThrowLocked(string path, IOException inner) =>
        throw new StoreLockedException(
            $"The database file '{path}' is open in another process (or twice in this one). " +
            "Only edge-service opens the store; edgectl reads it through the control API.", inner);

    /// <summary>fsync if anything was written since the last fsync.</summary>
    public void SyncIfDirty()
    {
        if (Interlocked.Exchange(ref _dirty, 0) == 0)
        {
            return;
        }

        try
        {
            _file.Flush(flushToDisk: true);
            Interlocked.Increment(ref _syncCount);
        }
        catch
        {
            Volatile.Write(ref _dirty, 1);
            throw;
        }
    }

    public override void Flush()
    {
        Volatile.Write(ref _dirty, 1);
        SyncIfDirty();
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _file.Read(buffer);

    public override void Write(byte[] buffer, int offset, int count)
    {
        Volatile.Write(ref _dirty, 1);
        _file.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Volatile.Write(ref _dirty, 1);
        _file.Write(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        Volatile.Write(ref _dirty, 1);
        _file.SetLength(value);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                SyncIfDirty();
            }
            finally
            {
                _file.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
