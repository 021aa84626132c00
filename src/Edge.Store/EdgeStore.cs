using Edge.IO;
using Edge.Store.Documents;
using Edge.Store.Files;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace Edge.Store;

/// <summary>
/// The appliance's one LiteDB database: series, jobs, results, outbox, audit events and counters.
/// Exactly one instance per process (register it as a singleton); the files are locked against a second
/// process, and <c>edgectl</c> reads through the control API instead.
/// </summary>
/// <remarks>
/// Writes are serialised by one gate and run as explicit LiteDB transactions. A <see cref="Durability.Synced"/>
/// write returns only after the log file has been fsync'ed (see <see cref="SyncedFileStream"/> for why LiteDB
/// alone does not do that). Reads run concurrently with writes under LiteDB's own snapshot isolation.
/// </remarks>
public sealed partial class EdgeStore : IDisposable
{
    private readonly Lock _writeGate = new();
    private readonly SyncedFileStream _data;
    private readonly SyncedFileStream _log;
    private readonly LiteDatabase _db;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private bool _disposed;

    public EdgeStore(StoreOptions options, ILogger<EdgeStore> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;

        string dataPath = System.IO.Path.GetFullPath(options.Path);
        string directory = System.IO.Path.GetDirectoryName(dataPath)!;
        Directory.CreateDirectory(directory);
        string logPath = LogPathFor(dataPath);
        bool created = !File.Exists(dataPath) || !File.Exists(logPath);

        _data = SyncedFileStream.Open(dataPath);
        try
        {
            _log = SyncedFileStream.Open(logPath);
        }
        catch
        {
            _data.Dispose();
            throw;
        }

        try
        {
            var settings = new EngineSettings
            {
                DataStream = _data,
                LogStream = _log,
                Password = ReadPassword(options),
            };
            var engine = new LiteEngine(settings);
            _db = new LiteDatabase(engine, CreateMapper(), disposeOnClose: true)
            {
                CheckpointSize = options.CheckpointPages,
                UtcDate = true,
            };
            EnsureIndexes();
            PrepareMappers();
            _data.SyncIfDirty();
            _log.SyncIfDirty();
            if (created)
            {
                DirectorySync.Sync(directory);
            }
        }
        catch
        {
            _log.Dispose();
            _data.Dispose();
            throw;
        }

        StoreLog.Opened(_logger, dataPath, _data.Length, _log.Length);
    }

    /// <summary>The database file's full path.</summary>
    public string DataPath => _data.Path;

    /// <summary>The write-ahead log's full path.</summary>
    public string LogPath => _log.Path;

    internal SyncedFileStream LogStream => _log;

    internal SyncedFileStream DataStream => _data;

    /// <summary>Where LiteDB keeps the log for a data file: <c>edge.db</c> -> <c>edge-log.db</c>.</summary>
    public static string LogPathFor(string dataPath)
    {
        string ext = System.IO.Path.GetExtension(dataPath);
        return System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(dataPath) ?? "",
            System.IO.Path.GetFileNameWithoutExtension(dataPath) + "-log" + ext);
    }

    private static string? ReadPassword(StoreOptions options)
    {
        if (options.PasswordFile is { } file)
        {
            string? line = File.ReadLines(file).FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(line))
            {
                throw new InvalidOperationException($"Store:PasswordFile '{file}' is empty.");
            }

            return line;
        }

        return string.IsNullOrEmpty(options.Password) ? null : options.Password;
    }

    // LiteDB builds a type's mapper (reflection and compiled expressions) the first time it meets the type: tens of
    // milliseconds that would otherwise land on the first series' completion, job lease and result commit.
    private void PrepareMappers()
    {
        var result = new ResultRecord { Models = [new ModelResult { Findings = [new Finding()] }] };
        object[] samples = [new SeriesRecord(), new JobRecord(), result, new OutboxEntry(), new AuditEvent(), new ForwardItem(), new CounterDocument()];
        foreach (object sample in samples)
        {
            _db.Mapper.ToObject(sample.GetType(), _db.Mapper.ToDocument(sample.GetType(), sample));
        }
    }

    private static BsonMapper CreateMapper() => new()
    {
        // Enum names keep the file readable with LiteDB Studio and survive reordering of enum members.
        EnumAsInteger = false,
        SerializeNullValues = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
    };

    private ILiteCollection<SeriesRecord> Series => _db.GetCollection<SeriesRecord>(StoreCollections.Series);

    private ILiteCollection<JobRecord> Jobs => _db.GetCollection<JobRecord>(StoreCollections.Jobs);

    private ILiteCollection<ResultRecord> Results => _db.GetCollection<ResultRecord>(StoreCollections.Results);

    private ILiteCollection<OutboxEntry> Outbox => _db.GetCollection<OutboxEntry>(StoreCollections.Outbox);

    private ILiteCollection<AuditEvent> Audit => _db.GetCollection<AuditEvent>(StoreCollections.Audit);

    private ILiteCollection<CounterDocument> Counters => _db.GetCollection<CounterDocument>(StoreCollections.Counters);

    private void EnsureIndexes()
    {
        // Each index serves a query of the control API or the pipeline; see the comment at its use.
        Series.EnsureIndex(x => x.State);
        Series.EnsureIndex(x => x.UpdatedAt);
        Jobs.EnsureIndex(x => x.Key, unique: true);
        Jobs.EnsureIndex(x => x.State);
        Jobs.EnsureIndex(x => x.FinishedAt);
        Results.EnsureIndex(x => x.CreatedAt);
        Results.EnsureIndex(x => x.SeriesInstanceUid);
        Results.EnsureIndex(x => x.Decision);
        Outbox.EnsureIndex(x => x.PendingKey);
        Outbox.EnsureIndex(x => x.State);
        Outbox.EnsureIndex(x => x.FinishedAt);
        Audit.EnsureIndex(x => x.At);
        EnsureForwardingIndexes();

        // Every collection exists from the start: creating one later changes LiteDB's header page inside a
        // transaction that races with concurrent readers, and we have seen an outbox sequence counter created
        // that way come back missing (duplicate ids). A collection added later must be created here too.
        if (Counters.FindById(StoreCounterNames.OutboxSequence) is null)
        {
            Counters.Insert(new CounterDocument { Name = StoreCounterNames.OutboxSequence, Value = 0 });
        }
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs <paramref name="body"/> as one transaction under the write gate, then syncs as asked.</summary>
    private T Write<T>(Durability durability, Func<T> body)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeGate)
        {
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A store transaction is already open on this thread.");
            }

            T result;
            try
            {
                result = body();
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            if (durability == Durability.Synced)
            {
                // A checkpoint inside Commit has already fsync'ed the data file (SyncedFileStream.Flush).
                _data.SyncIfDirty();
                _log.SyncIfDirty();
            }

            return result;
        }
    }

    private void Write(Durability durability, Action body) => Write(durability, () =>
    {
        body();
        return 0;
    });

    /// <summary>Folds the log into the data file now (LiteDB also does this by itself at CheckpointPages).</summary>
    public void Checkpoint()
    {
        lock (_writeGate)
        {
            _db.Checkpoint();
            _data.SyncIfDirty();
            _log.SyncIfDirty();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        lock (_writeGate)
        {
            _disposed = true;
            try
            {
                _db.Dispose();
            }
            finally
            {
                _log.Dispose();
                _data.Dispose();
            }
        }
    }
}
