using Edge.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom.Network.Storage;

/// <summary>
/// The on-disk layout {root}/{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm. Each instance is streamed to
/// a temporary file in {root}/.incoming (same file system, so the final rename is atomic), then flushed, renamed and
/// its directory flushed before the caller may acknowledge it.
/// </summary>
public sealed class InstanceStore
{
    public const string IncomingDirectoryName = ".incoming";
    public const string TemporaryExtension = ".part";

    private readonly ILogger _logger;
    private long _sequence;

    public InstanceStore(string root, DuplicatePolicy duplicatePolicy, ILogger logger)
    {
        Root = Path.GetFullPath(root);
        IncomingDirectory = Path.Combine(Root, IncomingDirectoryName);
        DuplicatePolicy = duplicatePolicy;
        _logger = logger;
    }

    public string Root { get; }

    public string IncomingDirectory { get; }

    public DuplicatePolicy DuplicatePolicy { get; }

    /// <summary>
    /// Creates the directories and deletes temporary files a crash left behind: they were never acknowledged, so the
    /// sender still holds those instances. Returns how many were removed.
    /// </summary>
    public int Recover()
    {
        EnsureDirectory(Root);
        EnsureDirectory(IncomingDirectory);
        int removed = 0;
        foreach (string leftover in Directory.EnumerateFiles(IncomingDirectory))
        {
            File.Delete(leftover);
            removed++;
        }

        if (removed > 0)
        {
            DirectorySync.Sync(IncomingDirectory);
            NetworkLog.TemporaryFilesRemoved(_logger, removed, IncomingDirectory);
        }

        return removed;
    }

    /// <summary>Opens a temporary file and writes the preamble and meta header; the data set bytes are appended as they arrive.</summary>
    public IncomingInstance Begin(IncomingInstanceHeader header)
    {
        string path = Path.Combine(IncomingDirectory,
            $"{header.AssociationId}-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}{TemporaryExtension}");
        // Shared for reading: the header is parsed through a second handle before the file is renamed.
        SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            DicomDataset meta = DicomWriter.CreateFileMetaInformation(header.SopClassUid, header.SopInstanceUid, header.TransferSyntax,
                header.CallingAeTitle);
            using var buffer = new MemoryStream(512);
            DicomWriter.WritePart10(buffer, meta, new DicomDataset(), header.TransferSyntax);
            RandomAccess.Write(handle, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), 0);
            return new IncomingInstance(this, header, path, handle, buffer.Length, _logger);
        }
        catch
        {
            handle.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Creates a directory and, when it was new, flushes its parent so the new entry survives a power cut.</summary>
    internal static void EnsureDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        string? parent = Path.GetDirectoryName(path);
        if (parent is not null)
        {
            EnsureDirectory(parent);
        }

        Directory.CreateDirectory(path);
        if (parent is not null)
        {
            DirectorySync.Sync(parent);
        }
    }
}
