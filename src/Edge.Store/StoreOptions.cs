namespace Edge.Store;

/// <summary>Options for section <c>Store</c>: where the LiteDB file lives and how long records are kept.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>The database file. Its write-ahead log sits beside it as <c>{name}-log{ext}</c>.</summary>
    public string Path { get; set; } = "data/edge.db";

    /// <summary>
    /// Optional LiteDB encryption password. LiteDB 5 encrypts pages with AES-ECB and no MAC (see docs); prefer
    /// LUKS on the data partition. Use <see cref="PasswordFile"/> in production so the secret is not in config.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>File whose first line is the encryption password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Results, their series records and finished jobs are pruned after this many days.</summary>
    public int ResultRetentionDays { get; set; } = 30;

    /// <summary>Audit events are kept this long; a quarter is a common review cycle.</summary>
    public int AuditRetentionDays { get; set; } = 90;

    /// <summary>Outbox entries that are no longer pending (sent, expired, dropped, dead) are kept this long.</summary>
    public int FinishedOutboxRetentionDays { get; set; } = 7;

    /// <summary>
    /// A job claimed this many times without finishing (each claim ended by a crash) is failed instead of
    /// re-queued, so one poisonous series cannot crash-loop the service.
    /// </summary>
    public int JobMaxAttempts { get; set; } = 3;

    /// <summary>
    /// Log size in 8 KiB pages at which LiteDB folds the log into the data file. 1000 is LiteDB's default
    /// (8 MB); tests lower it so kills land during checkpoints too.
    /// </summary>
    public int CheckpointPages { get; set; } = 1000;
}
