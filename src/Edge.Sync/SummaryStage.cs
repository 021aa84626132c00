using System.Threading.Channels;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync.Summaries;
using Microsoft.Extensions.Logging;

namespace Edge.Sync;

/// <summary>
/// Pipeline stage 7: turns a finished job into its summary (and alert) and commits result, job state and
/// outbox entries in one durable transaction. Fed through a bounded channel; a job whose hand-over is lost
/// in a crash is still leased in the store and is recovered and re-run at start-up.
/// </summary>
public sealed class SummaryStage
{
    /// <summary>Inference produces a result every few seconds at most; 8 absorbs a burst without holding memory.</summary>
    private const int Capacity = 8;

    private readonly EdgeStore _store;
    private readonly SummaryBuilder _builder;
    private readonly TopicNames _topics;
    private readonly OutboxPolicy _policy;
    private readonly ILogger<SummaryStage> _logger;
    private readonly Channel<CompletedJob> _channel = Channel.CreateBounded<CompletedJob>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public SummaryStage(EdgeStore store, SummaryBuilder builder, TopicNames topics, OutboxPolicy policy, ILogger<SummaryStage> logger)
    {
        _store = store;
        _builder = builder;
        _topics = topics;
        _policy = policy;
        _logger = logger;
    }

    /// <summary>Where the results stage writes finished jobs.</summary>
    public ChannelWriter<CompletedJob> Writer => _channel.Writer;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (CompletedJob job in _channel.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Complete(job);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; unread jobs stay leased in the store and are recovered at the next start.
        }
    }

    /// <summary>
    /// Commits <paramref name="result"/> for <paramref name="jobId"/> of <paramref name="series"/>, with its summary and
    /// alert, to <paramref name="scratch"/>: a throwaway store, never this stage's own, so that a warm-up runs the real
    /// message building (the builder, the HMAC keys, the JSON writer) and commit without anything reaching the outbox that
    /// is published.
    /// </summary>
    public OutboxEnqueueReport WarmUp(EdgeStore scratch, long jobId, SeriesRecord series, ResultRecord result)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(result);
        if (ReferenceEquals(scratch, _store))
        {
            throw new ArgumentException("a warm-up commits to a scratch store, never to the one that is published", nameof(scratch));
        }

        return new SummaryStage(scratch, _builder, _topics, _policy, _logger).Complete(new CompletedJob(jobId, series, result));
    }

    /// <summary>Builds the messages and commits everything durably. Fails closed: a tripped PHI check publishes nothing.</summary>
    public OutboxEnqueueReport Complete(CompletedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        IReadOnlyList<OutboxEntry> messages;
        try
        {
            messages = _builder.BuildMessages(job.Series, job.Result, _topics);
        }
        catch (PhiLeakException ex)
        {
            SyncLog.SummaryWithheld(_logger, job.Result.Id, ex.Message);
            OutboxEnqueueReport none = _store.CompleteJob(job.JobId, job.Result, [], _policy);
            _store.AppendAudit("summary.withheld", $"result {job.Result.Id}: {ex.Message}");
            return none;
        }

        return _store.CompleteJob(job.JobId, job.Result, [.. messages], _policy);
    }
}
