using Edge.Dicom.Network.StateMachine;
using Microsoft.Extensions.Logging;

namespace Edge.Dicom.Network;

/// <summary>Source-generated log messages of the networking layer. Event ids are stable: 3000-3099 upper layer, 3100-3199 server, 3200-3299 client.</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Trace, Message = "[{Association}] {From} + {Event} -> {Action} -> {To}")]
    public static partial void Transition(ILogger logger, string association, AssociationState from, AssociationEvent @event, AssociationAction action, AssociationState to);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "[{Association}] A-ABORT could not be delivered: {Reason}")]
    public static partial void AbortNotDelivered(ILogger logger, string association, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "[{Association}] no PDU for {Seconds:0.#} s in {State}; aborting")]
    public static partial void IdleTimeout(ILogger logger, string association, AssociationState state, double seconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "[{Association}] protocol violation, sending A-ABORT: {Detail}")]
    public static partial void ProtocolViolation(ILogger logger, string association, string detail);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Removed {Count} unacknowledged temporary file(s) a previous run left in {Directory}")]
    public static partial void TemporaryFilesRemoved(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Duplicate SOP instance {SopInstanceUid}: kept the stored copy ({Policy})")]
    public static partial void DuplicateKept(ILogger logger, string sopInstanceUid, Storage.DuplicatePolicy policy);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Duplicate SOP instance {SopInstanceUid}: replaced {Path}")]
    public static partial void DuplicateOverwritten(ILogger logger, string sopInstanceUid, string path);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not delete temporary file {Path}: {Reason}")]
    public static partial void TemporaryFileNotDeleted(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Association {Summary}")]
    public static partial void AssociationEnded(ILogger logger, string summary);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Association #{Id} from {CallingAe}@{Remote} to {CalledAe} rejected: {Reject}")]
    public static partial void AssociationRejected(ILogger logger, long id, string callingAe, string remote, string calledAe, string reject);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Debug, Message = "Association #{Id} from {CallingAe}@{Remote} accepted ({Accepted} of {Proposed} presentation contexts)")]
    public static partial void AssociationAccepted(ILogger logger, long id, string callingAe, string remote, int accepted, int proposed);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Error, Message = "Association #{Id}: a storage event handler threw; the association goes on")]
    public static partial void EventHandlerFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Warning, Message = "Storage is low on space ({Free} bytes free, threshold {Threshold}): refusing instances")]
    public static partial void LowDisk(ILogger logger, long free, long threshold);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Warning, Message = "Association #{Id}: C-STORE of {SopInstanceUid} answered {Status}: {Comment}")]
    public static partial void StoreFailed(ILogger logger, long id, string sopInstanceUid, string status, string comment);

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "DICOM storage SCP {AeTitle} listening on {EndPoint}, storing under {Root}")]
    public static partial void Listening(ILogger logger, string aeTitle, string endPoint, string root);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Warning, Message = "Connection from {Remote} closed on accept: {Open} connections already open (hard limit {Limit})")]
    public static partial void ConnectionRefused(ILogger logger, string remote, int open, int limit);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Error, Message = "Accept failed; the listener keeps accepting")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3123, Level = LogLevel.Warning, Message = "Allow-list entry {Entry}: host did not resolve, the entry will never match")]
    public static partial void HostNotResolved(ILogger logger, string entry);

    [LoggerMessage(EventId = 3124, Level = LogLevel.Error, Message = "Association #{Id} failed unexpectedly")]
    public static partial void AssociationCrashed(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Release failed, the association was aborted instead: {Reason}")]
    public static partial void ReleaseFailed(ILogger logger, string reason);
}
