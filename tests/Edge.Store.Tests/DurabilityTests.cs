using System.Text;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;

namespace Edge.Store.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-durability");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_synced_commit_returns_only_after_the_log_was_fsynced()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = "2.25.1" }, out _);
        JobRecord job = store.TryLeaseNextJob("w")!;
        long before = store.LogStream.SyncCount;

        store.CompleteJob(job.Id, Records.Result("2.25.1"), [Records.Message(OutboxKind.Summary, "s")], OutboxPolicy.Default);

        Assert.True(store.LogStream.SyncCount > before, "the result commit did not fsync the log");
        Assert.False(store.LogStream.IsDirty, "bytes of an acknowledged commit are not yet on disk");
        Assert.False(store.DataStream.IsDirty);
        long afterResult = store.LogStream.SyncCount;

        store.MarkSent(store.PeekPending(1)[0].Id);
        Assert.True(store.LogStream.SyncCount > afterResult, "marking an outbox entry sent did not fsync");
        Assert.False(store.LogStream.IsDirty);
    }

    [Fact]
    public void A_written_commit_skips_fsync_and_the_next_synced_commit_covers_it()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        long before = store.LogStream.SyncCount;

        store.UpsertSeries(new SeriesRecord { SeriesInstanceUid = "2.25.2" });
        Assert.Equal(before, store.LogStream.SyncCount);
        Assert.True(store.LogStream.IsDirty);

        store.EnqueueJob("2.25.2", 0, out _);
        Assert.False(store.LogStream.IsDirty);
    }

    [Fact]
    public void Checkpoints_fsync_the_data_file()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), configure: o => o.CheckpointPages = 10);
        long dataSyncs = store.DataStream.SyncCount;
        for (int i = 0; i < 40; i++)
        {
            store.EnqueueOutbox([Records.Message(OutboxKind.Summary, new string('x', 6000))], OutboxPolicy.Default);
        }

        Assert.True(store.DataStream.SyncCount > dataSyncs, "LiteDB checkpointed without fsync of the data file");
        Assert.True(new FileInfo(store.LogPath).Length < 10 * 8192 * 2, "the log was never folded into the data file");
        Assert.Equal(40, store.GetOutboxStats().Pending);
    }

    [Fact]
    public void A_second_open_in_this_process_is_refused_with_a_clear_error()
    {
        string path = _dir.File("edge.db");
        using EdgeStore store = TestStore.Open(path);

        StoreLockedException ex = Assert.Throws<StoreLockedException>(() => TestStore.Open(path));
        Assert.Contains("control API", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_process_cannot_open_the_store_while_it_is_open()
    {
        string path = _dir.File("edge.db");
        using (EdgeStore store = TestStore.Open(path))
        {
            using ChildProcess child = CrashTargetProcess.Start("open", path);
            Assert.Equal("LOCKED", child.ReadLine(TimeSpan.FromSeconds(60)));
            Assert.True(child.Process.WaitForExit(30_000));
            Assert.Equal(3, child.Process.ExitCode);
        }

        using ChildProcess free = CrashTargetProcess.Start("open", path);
        Assert.Equal("OPENED", free.ReadLine(TimeSpan.FromSeconds(60)));
        free.Process.StandardInput.Close();
        Assert.True(free.Process.WaitForExit(30_000));
        Assert.Equal(0, free.Process.ExitCode);
    }

    [Fact]
    public void An_encrypted_store_reopens_with_its_password_and_hides_plaintext()
    {
        string path = _dir.File("secret.db");
        const string Marker = "PLAINTEXT-MARKER-0123456789";
        using (EdgeStore store = TestStore.Open(path, configure: o => o.Password = "correct horse"))
        {
            store.EnqueueOutbox([Records.Message(OutboxKind.Summary, Marker)], OutboxPolicy.Default);
            store.Checkpoint();
        }

        byte[] marker = Encoding.UTF8.GetBytes(Marker);
        Assert.Equal(-1, File.ReadAllBytes(path).AsSpan().IndexOf(marker));
        Assert.Equal(-1, File.ReadAllBytes(EdgeStore.LogPathFor(path)).AsSpan().IndexOf(marker));

        using (EdgeStore reopened = TestStore.Open(path, configure: o => o.Password = "correct horse"))
        {
            Assert.Equal(Marker, Encoding.UTF8.GetString(reopened.PeekPending(1)[0].Payload));
        }

        Assert.ThrowsAny<Exception>(() => TestStore.Open(path, configure: o => o.Password = "wrong"));
    }

    [Fact]
    public void Options_validator_names_every_bad_key()
    {
        var options = new StoreOptions
        {
            Path = "",
            ResultRetentionDays = 0,
            JobMaxAttempts = 1000,
            CheckpointPages = 1,
            Password = "x",
            PasswordFile = "/nonexistent/pw",
        };

        List<string> errors = StoreOptionsValidator.Collect(options);

        Assert.Contains("Store:Path: must name the database file", errors);
        Assert.Contains("Store:ResultRetentionDays: must be 1-3650 (was 0)", errors);
        Assert.Contains("Store:JobMaxAttempts: must be 1-100 (was 1000)", errors);
        Assert.Contains("Store:CheckpointPages: must be 10-100000 (was 1)", errors);
        Assert.Contains(errors, e => e.StartsWith("Store:PasswordFile: set either", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Store:PasswordFile: file not found", StringComparison.Ordinal));
        Assert.Empty(StoreOptionsValidator.Collect(new StoreOptions()));
    }
}
