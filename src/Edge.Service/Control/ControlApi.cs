using System.Globalization;
using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Control.Contracts;
using Edge.Service.Forwarding;
using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Service.Pipeline;
using Edge.Service.Retention;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync;
using Edge.Sync.Summaries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Control;

/// <summary>
/// The local control API (HTTP/1.1 over the Unix socket <c>Control:Socket</c>), what <c>edgectl</c> uses instead of
/// opening the database: one process owns the LiteDB file.
/// </summary>
public static class ControlApi
{
    /// <summary>Rows one list request returns at most; a page of a day's scans, and a bounded response.</summary>
    public const int MaxLimit = 1000;

    public const int DefaultLimit = 100;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/status", GetStatus);
        endpoints.MapGet("/results", ListResults);
        endpoints.MapGet("/results/{id}", GetResult);
        endpoints.MapGet("/outbox", GetOutbox);
        endpoints.MapGet("/models", ListModels);
        endpoints.MapPost("/series/{uid}/reprocess", Reprocess);
        endpoints.MapGet("/forwarding", GetForwarding);
        endpoints.MapPost("/forwarding/retry", RetryForwarding);
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, ControlJson.Options, statusCode: status);

    private static IResult Error(int status, string message) => Json(new ErrorResponse(message), status);

    private static IResult GetStatus(ServiceState state)
    {
        StoreStatus store = state.Store.GetStatus();
        SyncHealth sync = state.Sync.Health;
        (string? error, DateTimeOffset? errorAt) = sync.LastError;
        StorageUsage.Figures usage = state.Usage.Current;
        EdgeSettings settings = state.Settings;
        DateTimeOffset now = state.Time.GetUtcNow();
        int receiving = state.Tracker.Snapshot().Series.Count(s => s.Status == SeriesStatus.Receiving);
        return Json(new StatusResponse(
            state.Device.Version,
            settings.Device.Id,
            settings.Device.Site,
            state.StartedAt,
            Math.Round((now - state.StartedAt).TotalSeconds, 1),
            state.Models.ExecutionProvider,
            state.Models.Identities,
            new DicomStatus(settings.Dicom.AeTitle, state.Server.LocalEndPoint?.Port ?? settings.Dicom.Port, state.Reception.OpenAssociations,
                state.Reception.Associations, state.Reception.Instances, state.Reception.FailedInstances, state.Reception.Bytes, state.Reception.LastReceivedAt),
            new QueueStatus(receiving, store.QueuedJobs, store.LeasedJobs, store.DoneJobs, store.FailedJobs),
            new ResultCounts(store.Suspicious, store.Negative, store.NotEligible, store.Failed),
            ToStatus(store.Outbox),
            new MqttStatus(settings.SyncEnabled, $"{settings.Mqtt.Host}:{settings.Mqtt.EffectivePort}", sync.Connected, sync.ConnectAttempts,
                sync.ConnectFailures, sync.Published, error, errorAt),
            new StorageStatus(settings.DataRoot, state.Monitor.FreeBytes, usage.UsedBytes, store.DatabaseBytes, settings.Storage.QuotaBytes,
                settings.Dicom.MinimumFreeDiskBytes, settings.Storage.KeepReceivedHours),
            Memory(),
            state.Health.Snapshot(),
            [.. state.Device.Alarms],
            Forwarding(state)));
    }

    private static IResult GetForwarding(ServiceState state, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "state")] string? stateFilter, int? limit)
    {
        if (Limit(limit) is not { } take)
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be 1-{MaxLimit}");
        }

        ForwardState? filter = null;
        if (stateFilter is not null)
        {
            if (!Enum.GetValues<ForwardState>().Any(s => ControlJson.Name(s) == stateFilter))
            {
                return Error(StatusCodes.Status400BadRequest, $"state must be one of {string.Join(", ", Enum.GetValues<ForwardState>().Select(s => ControlJson.Name(s)))}");
            }

            filter = Enum.GetValues<ForwardState>().First(s => ControlJson.Name(s) == stateFilter);
        }

        return Json(new ForwardingResponse(Forwarding(state), [.. state.Store.ListForwarding(filter, take).Select(i => new ForwardingItem(
            i.Id, i.Destination, ControlJson.Name(i.Kind), ControlJson.Name(i.State), i.SopInstanceUid, i.SopClassUid, i.CreatedAt,
            i.DueAt > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(i.DueAt) : null, i.Attempts, i.LastError, i.FinishedAt))]));
    }

    /// <summary>After the cause is fixed (the PACS now takes the SOP class, say): every dead letter of a configured destination, again.</summary>
    private static IResult RetryForwarding(ServiceState state, ForwardingDoorbell doorbell)
    {
        int requeued = state.Store.RequeueDeadLetters(state.Forwarding.Configured);
        doorbell.RingAll();
        return Json(new RetryResponse(requeued));
    }

    private static ForwardingStatus Forwarding(ServiceState state)
    {
        ForwardingStats stats = state.Store.GetForwardingStats();
        return new ForwardingStatus(stats.Pending, stats.Sent, stats.DeadLetters, stats.OldestPendingAt, state.Originals.EnqueueFailures,
            [.. state.Forwarding.Destinations.Select(d => new DestinationStatus(d.Name, d.AeTitle, d.Host, d.Port, d.Send.ToString().ToLowerInvariant(),
                state.Store.CountForwarding(d.Name, ForwardState.Pending), state.Store.CountForwarding(d.Name, ForwardState.Sent),
                state.Store.CountForwarding(d.Name, ForwardState.DeadLetter)))]);
    }

    private static IResult ListResults(ServiceState state, string? since, int? limit)
    {
        if (Limit(limit) is not { } take)
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be 1-{MaxLimit}");
        }

        IReadOnlyList<ResultRecord> results;
        if (since is null)
        {
            results = state.Store.ListLatestResults(take);
        }
        else if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset from))
        {
            results = state.Store.ListResultsSince(from, take);
        }
        else
        {
            return Error(StatusCodes.Status400BadRequest, $"since must be an ISO 8601 time such as 2025-01-31T08:00:00Z (was '{since}')");
        }

        var series = new Dictionary<string, SeriesRecord?>(StringComparer.Ordinal);
        return Json(results.Select(r =>
        {
            if (!series.TryGetValue(r.SeriesInstanceUid, out SeriesRecord? s))
            {
                series[r.SeriesInstanceUid] = s = state.Store.GetSeries(r.SeriesInstanceUid);
            }

            LocalIdentifiers? ids = s?.Identifiers;
            return new ResultListItem(r.Id, r.CreatedAt, DecisionNames.Json(r.Decision), r.Generation, r.SeriesInstanceUid,
                ids?.PatientName, ids?.PatientId, ids?.AccessionNumber, ids?.StudyDate,
                r.Models.Max(m => m.Probability), r.Models.Sum(m => m.Findings.Count), r.ExecutionProvider, r.Timings.TotalMs, r.FailureReason);
        }).ToList());
    }

    private static IResult GetResult(ServiceState state, string id)
    {
        if (!Guid.TryParse(id, out Guid guid))
        {
            return Error(StatusCodes.Status400BadRequest, $"'{id}' is not a result id (a UUID)");
        }

        if (state.Store.GetResult(guid) is not { } result)
        {
            return Error(StatusCodes.Status404NotFound, $"no result {guid}");
        }

        // The messages of one result are among the latest entries unless it is old; look through a bounded window.
        IReadOnlyList<OutboxItem> messages = [.. state.Store.ListOutbox(null, MaxLimit).Where(e => e.ResultId == guid).Select(Item)];
        return Json(new ResultDetail(result, state.Store.GetSeries(result.SeriesInstanceUid), messages));
    }

    private static IResult GetOutbox(ServiceState state, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "state")] string? stateFilter, int? limit)
    {
        if (Limit(limit) is not { } take)
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be 1-{MaxLimit}");
        }

        OutboxState? filter = null;
        if (stateFilter is not null)
        {
            if (!Enum.GetValues<OutboxState>().Any(s => ControlJson.Name(s) == stateFilter))
            {
                return Error(StatusCodes.Status400BadRequest, $"state must be one of {string.Join(", ", Enum.GetValues<OutboxState>().Select(s => ControlJson.Name(s)))}");
            }

            filter = Enum.GetValues<OutboxState>().First(s => ControlJson.Name(s) == stateFilter);
        }

        return Json(new OutboxResponse(ToStatus(state.Store.GetOutboxStats()), [.. state.Store.ListOutbox(filter, take).Select(Item)]));
    }

    private static IResult ListModels(ServiceState state)
    {
        ModelRuntime models = state.Models;
        return Json(new ModelsResponse(models.Directory.Path, models.Directory.Source, models.ExecutionProvider, models.Problem,
            [.. models.Catalog.Select(e => new ModelItem(
                e.Directory,
                e.IsValid,
                e.Package is { } p && models.Active.Contains(p),
                e.Package?.Id,
                e.Package?.Version,
                e.Package?.Manifest.Name,
                e.Package?.Manifest.IntendedUse,
                e.Package?.Sha256Of(e.Package.Manifest.Network),
                e.Error))]));
    }

    private static IResult Reprocess(ServiceState state, string uid, ILoggerFactory loggers)
    {
        if (state.Store.GetSeries(uid) is not { } series)
        {
            return Error(StatusCodes.Status404NotFound, $"no series {uid} on this box");
        }

        if (series.FilesPurgedAt is { } purged)
        {
            return Error(StatusCodes.Status409Conflict,
                string.Create(CultureInfo.InvariantCulture, $"the received files of series {uid} were deleted by retention at {purged:u}; send the series again"));
        }

        JobRecord job = state.Store.RequestReprocess(uid)!;
        ServiceLog.ReprocessRequested(loggers.CreateLogger(typeof(ControlApi).FullName!), job.Id, job.Generation);
        state.Doorbell.Ring();
        return Json(new ReprocessResponse(job.Id, job.Generation, uid), StatusCodes.Status202Accepted);
    }

    private static ProcessStatus Memory()
    {
        GCMemoryInfo gc = GC.GetGCMemoryInfo();
        return new ProcessStatus(Environment.WorkingSet, gc.HeapSizeBytes, gc.TotalCommittedBytes, GC.CollectionCount(2));
    }

    private static int? Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit,
        _ => null,
    };

    private static OutboxStatus ToStatus(OutboxStats stats) =>
        new(stats.Pending, stats.DeadLetters, stats.Dropped, stats.Expired, stats.OldestPendingAt);

    private static OutboxItem Item(OutboxEntry e) =>
        new(e.Id, ControlJson.Name(e.Kind), e.Topic, e.MessageId, e.ResultId, ControlJson.Name(e.State), e.CreatedAt, e.ExpiresAt,
            e.Attempts, e.LastError, e.FinishedAt, e.Payload.Length);
}
