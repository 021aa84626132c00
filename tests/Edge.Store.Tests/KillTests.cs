using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;
using Xunit.Abstractions;

namespace Edge.Store.Tests;

/// <summary>
/// kill -9 a process in the middle of committing, many times over the same database: every commit it
/// acknowledged must be there afterwards, and the database must open and read cleanly. (A power cut cannot be
/// simulated here; these tests cover process death, and <see cref="DurabilityTests"/> shows the fsyncs.)
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("store-kill");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_acknowledged_result_and_outbox_entry_survives_kill_9()
    {
        string path = _dir.File("edge.db");
        int seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var acked = new List<(Guid Result, long Outbox)>();

        for (int round = 0; round < 8; round++)
        {
            // A small checkpoint size makes some kills land while the log is folded into the data file.
            using ChildProcess child = CrashTargetProcess.Start("complete", path, "10");
            int killAfter = random.Next(3, 40);
            for (int seen = 0; seen < killAfter; seen++)
            {
                string? line = child.ReadLine(TimeSpan.FromSeconds(60));
                Assert.True(line is not null, "crash target exited early: " + child.Stderr);
                Assert.True(TryParseAck(line, out (Guid, long) ack), "unexpected output: " + line);
                acked.Add(ack);
            }

            // Land the kill at an arbitrary point of a later commit, not right at an acknowledgement.
            Thread.Sleep(random.Next(0, 40));
            foreach (string line in child.KillAndDrain())
            {
                // Lines printed after our last read but before the kill were acknowledged too.
                if (TryParseAck(line, out (Guid, long) ack))
                {
                    acked.Add(ack);
                }
            }

            AssertAllPresent(path, acked, round);
        }

        output.WriteLine($"{acked.Count} acknowledged commits checked over 8 kills");
    }

    private static bool TryParseAck(string line, out (Guid Result, long Outbox) ack)
    {
        string[] parts = line.Split(' ');
        if (parts.Length == 3 && parts[0] == "ACK" && Guid.TryParse(parts[1], out Guid id)
            && long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out long outboxId))
        {
            ack = (id, outboxId);
            return true;
        }

        ack = default;
        return false;
    }

    private static void AssertAllPresent(string path, List<(Guid Result, long Outbox)> acked, int round)
    {
        using EdgeStore store = TestStore.Open(path);
        foreach ((Guid resultId, long outboxId) in acked)
        {
            ResultRecord? result = store.GetResult(resultId);
            Assert.True(result is not null, $"round {round}: acknowledged result {resultId} is missing");
            Assert.Equal(JobState.Done, store.GetJob(result.JobId)?.State);
            OutboxEntry? entry = store.GetOutboxEntry(outboxId);
            Assert.True(entry is not null, $"round {round}: acknowledged outbox entry {outboxId} is missing");
            Assert.Equal(resultId, entry.MessageId);
            Assert.Equal(3000, entry.Payload.Length);
        }

        // Read everything through every index: a torn page or broken index would throw here.
        int pending = store.GetOutboxStats().Pending;
        Assert.Equal(pending, store.PeekPending(int.MaxValue).Count);
        Assert.True(store.ListLatestResults(int.MaxValue).Count >= acked.Count);
        Assert.True(store.ListResultsSince(DateTimeOffset.MinValue, int.MaxValue).Count >= acked.Count);
        _ = store.GetStatus();
        _ = store.ListJobs(null, int.MaxValue);
    }

    [Fact]
    public void A_job_leased_by_a_killed_process_is_requeued_on_restart()
    {
        string path = _dir.File("edge.db");
        using (ChildProcess child = CrashTargetProcess.Start("lease", path))
        {
            string? line = child.ReadLine(TimeSpan.FromSeconds(60));
            Assert.StartsWith("LEASED ", line, StringComparison.Ordinal);
            child.KillAndDrain();
        }

        using EdgeStore store = TestStore.Open(path);
        Assert.Equal(1, store.CountJobs(JobState.Leased));
        Assert.Equal(new JobRecoveryReport(1, 0), store.RecoverInterruptedJobs());
        Assert.Equal(3, store.CountJobs(JobState.Queued));
        JobRecord resumed = store.TryLeaseNextJob("restarted")!;
        Assert.Equal("2.25.9.0", resumed.SeriesInstanceUid);
        Assert.Equal(2, resumed.Attempts);
    }
}
