using Microsoft.Extensions.Logging;

namespace Edge.Inference;

/// <summary>Source-generated log messages of the inference layer; event ids 5000-5099 are reserved for it.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Execution provider {Provider} unavailable: {Reason}; falling back to the next provider in the chain")]
    public static partial void ProviderFallback(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Model {Model} network {Network} runs on {Provider} (chain: {Chain})")]
    public static partial void SessionCreated(ILogger logger, string model, string network, string provider, string chain);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "No GPU execution provider loaded and Inference:RequireGpu is set: {Reasons}")]
    public static partial void GpuRequired(ILogger logger, string reasons);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Session for {Model} failed to start on {Provider}: {Reason}; retrying without it")]
    public static partial void SessionProviderFailed(ILogger logger, string model, string provider, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "TensorRT engine cache for {Model}: {Directory}")]
    public static partial void EngineCache(ILogger logger, string model, string directory);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Model {Model} not eligible for series: {Reason}")]
    public static partial void NotEligible(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Model {Model}: {Decision} (probability {Probability:F3}, {Findings} findings) in {Milliseconds} ms")]
    public static partial void ModelFinished(ILogger logger, string model, string decision, double probability, int findings, long milliseconds);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Model {Model} failed: {Reason}")]
    public static partial void ModelFailed(ILogger logger, string model, string reason, Exception? exception);
}
