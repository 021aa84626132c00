using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;

namespace Edge.Store.Tests;

public sealed class JobQueueTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-jobs");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Enqueue_is_idempotent_per_series_and_generation()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        JobRecord first = store.EnqueueJob("2.25.1", 0, out bool created1);
        JobRecord again = store.EnqueueJob("2.25.1", 0, out bool created2);
        JobRecord next = store.EnqueueJob("2.25.1", 1, out bool created3);

        Assert.True(created1);
        Assert.False(created2);
        Assert.True(created3);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, next.Id);
        Assert.Equal(2, store.CountJobs(JobState.Queued));
    }

    [Fact]
    public void Lease_hands_out_jobs_oldest_first_and_once()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        for (int i = 0; i < 5; i++)
        {
            store.EnqueueJob($"2.25.{i}", 0, out _);
        }

        var leased = new List<string>();
        while (store.TryLeaseNextJob("w") is { } job)
        {
            Assert.Equal(JobState.Leased, job.State);
            Assert.Equal(1, job.Attempts);
            leased.Add(job.SeriesInstanceUid);
        }

        Assert.Equal(["2.25.0", "2.25.1", "2.25.2", "2.25.3", "2.25.4"], leased);
        Assert.Equal(5, store.CountJobs(JobState.Leased));
    }

    [Fact]
    public void Complete_commits_result_job_series_and_outbox_together()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = "2.25.5", StudyInstanceUid = "2.25.6" }, out _);
        JobRecord job = store.TryLeaseNextJob("w")!;
        Assert.Equal(SeriesState.Processing, store.GetSeries("2.25.5")!.State);
        ResultRecord result = Records.Result("2.25.5", Decision.Suspicious);

        OutboxEnqueueReport report = store.CompleteJob(job.Id, result,
            [Records.Message(OutboxKind.Alert, "a"), Records.Message(OutboxKind.Summary, "s")], OutboxPolicy.Default);

        Assert.Equal(2, report.AddedIds.Count);
        Assert.True(report.AnyAlert);
        JobRecord done = store.GetJob(job.Id)!;
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(result.Id, done.ResultId);
        Assert.Equal(job.Id, store.GetResult(result.Id)!.JobId);
        SeriesRecord series = store.GetSeries("2.25.5")!;
        Assert.Equal(SeriesState.Done, series.State);
        Assert.Equal(result.Id, series.LatestResultId);
        Assert.Equal(2, store.GetOutboxStats().Pending);
        Assert.Throws<InvalidOperationException>(() => store.CompleteJob(job.Id, Records.Result("2.25.5"), [], OutboxPolicy.Default));
    }

    [Fact]
    public void A_failed_result_fails_the_job_and_series_with_its_reason()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = "2.25.8" }, out _);
        JobRecord job = store.TryLeaseNextJob("w")!;
        ResultRecord result = Records.Result("2.25.8", Decision.Failed);
        result.FailureReason = "instance 3: truncated pixel data";

        store.CompleteJob(job.Id, result, [], OutboxPolicy.Default);

        Assert.Equal(JobState.Failed, store.GetJob(job.Id)!.State);
        Assert.Equal("instance 3: truncated pixel data", store.GetSeries("2.25.8")!.FailureReason);
        Assert.Contains(store.ListAudit(DateTimeOffset.MinValue, 10), e => e.Kind == "job.failed");
    }

    [Fact]
    public void Restart_requeues_interrupted_jobs_and_fails_a_job_that_keeps_crashing()
    {
        string path = _dir.File("edge.db");
        long jobId;
        using (EdgeStore store = TestStore.Open(path))
        {
            jobId = store.EnqueueJob("2.25.9", 0, out _).Id;
            store.TryLeaseNextJob("w");
        }

        for (int crash = 1; crash <= 3; crash++)
        {
            using EdgeStore store = TestStore.Open(path, configure: o => o.JobMaxAttempts = 3);
            JobRecoveryReport report = store.RecoverInterruptedJobs();
            if (crash < 3)
            {
                Assert.Equal(new JobRecoveryReport(1, 0), report);
                JobRecord again = store.TryLeaseNextJob("w")!;
                Assert.Equal(jobId, again.Id);
                Assert.Equal(crash + 1, again.Attempts);
            }
            else
            {
                Assert.Equal(new JobRecoveryReport(0, 1), report);
                JobRecord poisoned = store.GetJob(jobId)!;
                Assert.Equal(JobState.Failed, poisoned.State);
                Assert.Contains("interrupted 3 times", poisoned.FailureReason, StringComparison.Ordinal);
                Assert.Null(store.TryLeaseNextJob("w"));
            }
        }
    }

    [Fact]
    public void Reprocess_bumps_generation_and_queues_a_new_job()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = "2.25.10" }, out _);
        JobRecord first = store.TryLeaseNextJob("w")!;
        store.CompleteJob(first.Id, Records.Result("2.25.10"), [], OutboxPolicy.Default);

        JobRecord? second = store.RequestReprocess("2.25.10");

        Assert.NotNull(second);
        Assert.Equal(1, second.Generation);
        Assert.Equal(JobState.Queued, second.State);
        Assert.Equal(SeriesState.Queued, store.GetSeries("2.25.10")!.State);
        Assert.Null(store.RequestReprocess("2.25.404"));
    }

    [Fact]
    public void Release_puts_a_job_back_and_fail_records_the_reason()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        store.EnqueueJob("2.25.11", 0, out _);
        store.EnqueueJob("2.25.12", 0, out _);
        JobRecord a = store.TryLeaseNextJob("w")!;
        store.ReleaseJob(a.Id, "GPU busy");
        Assert.Equal(JobState.Queued, store.GetJob(a.Id)!.State);

        JobRecord again = store.TryLeaseNextJob("w")!;
        Assert.Equal(a.Id, again.Id);
        store.FailJob(again.Id, "no readable instance");
        Assert.Equal("no readable instance", store.GetJob(a.Id)!.FailureReason);
        Assert.Single(store.ListJobs(JobState.Failed, 10));
    }

    [Fact]
    public void A_superseded_job_ends_without_failing_and_its_series_shows_as_receiving()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = "2.25.13" }, out _);
        JobRecord job = store.TryLeaseNextJob("w")!;

        store.SupersedeJob(job.Id, "superseded: more instances arrived");

        JobRecord ended = store.GetJob(job.Id)!;
        Assert.Equal(JobState.Superseded, ended.State);
        Assert.Equal("superseded: more instances arrived", ended.FailureReason);
        Assert.NotNull(ended.FinishedAt);
        SeriesRecord series = store.GetSeries("2.25.13")!;
        Assert.Equal(SeriesState.Receiving, series.State);
        Assert.Null(series.FailureReason);
        Assert.Equal(0, store.CountJobs(JobState.Failed));
        Assert.Null(store.TryLeaseNextJob("w"));
    }

    [Fact]
    public void Completing_a_series_can_lease_its_job_in_the_same_commit_and_a_restart_requeues_it()
    {
        string path = _dir.File("edge.db");
        using (EdgeStore store = TestStore.Open(path))
        {
            var series = new SeriesRecord { SeriesInstanceUid = "2.25.20", StudyInstanceUid = "2.25.21", Generation = 1 };

            JobRecord job = store.CompleteSeries(series, "edge-service/1", out bool created, out bool leased);

            Assert.True(created);
            Assert.True(leased);
            Assert.Equal(JobState.Leased, job.State);
            Assert.Equal("edge-service/1", job.LeaseOwner);
            Assert.Equal(1, job.Attempts);
            Assert.NotNull(job.LeasedAt);
            Assert.Equal(SeriesState.Processing, store.GetSeries("2.25.20")!.State);
            Assert.Null(store.TryLeaseNextJob("edge-service/1"));

            // The same completion again (idempotent): the job is not queued any more, so it is neither leased twice nor re-created.
            JobRecord again = store.CompleteSeries(series, "edge-service/1", out bool createdAgain, out bool leasedAgain);
            Assert.Equal(job.Id, again.Id);
            Assert.False(createdAgain);
            Assert.False(leasedAgain);
            Assert.Equal(1, store.CountJobs(JobState.Leased));
        }

        // The process died before the job was processed: like any interrupted job, it is queued again.
        using (EdgeStore store = TestStore.Open(path))
        {
            Assert.Equal(1, store.RecoverInterruptedJobs().Requeued);
            JobRecord? requeued = store.TryLeaseNextJob("edge-service/2");
            Assert.NotNull(requeued);
            Assert.Equal("2.25.20", requeued.SeriesInstanceUid);
            Assert.Equal(2, requeued.Attempts);
        }
    }

    [Fact]
    public void Completing_a_series_without_a_lease_owner_only_queues_its_job()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));

        JobRecord job = store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = "2.25.22" }, null, out _, out bool leased);

        Assert.False(leased);
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(job.Id, store.TryLeaseNextJob("w")!.Id);
    }
}
