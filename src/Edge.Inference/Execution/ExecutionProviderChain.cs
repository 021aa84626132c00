using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// Applies the configured provider chain (default TensorRT → CUDA → CPU) to session options. Each provider that fails is
/// logged once per process with its reason, however many sessions are created; <c>RequireGpu</c> turns a CPU-only
/// outcome into a start-up failure.
/// </summary>
public sealed class ExecutionProviderChain
{
    private readonly IExecutionProviderAppender _appender;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(ExecutionProviderKind, string), bool> _loggedFallbacks = new();

    public ExecutionProviderChain(IReadOnlyList<ExecutionProviderKind> order, bool requireGpu, IExecutionProviderAppender appender, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(appender);
        if (order.Count == 0)
        {
            throw new ArgumentException("the provider chain is empty", nameof(order));
        }

        Order = order;
        RequireGpu = requireGpu;
        _appender = appender;
        _logger = logger ?? NullLogger.Instance;
    }

    public IReadOnlyList<ExecutionProviderKind> Order { get; }
    public bool RequireGpu { get; }

    public static ExecutionProviderChain FromOptions(InferenceOptions options, IExecutionProviderAppender? appender = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ExecutionProviderChain(options.ProviderChain(), options.RequireGpu, appender ?? OrtExecutionProviderAppender.Instance, logger);
    }

    /// <summary>Appends every provider of the chain that loads, skipping <paramref name="excluded"/> (providers a session already failed on).</summary>
    /// <exception cref="NoExecutionProviderException">Nothing loaded, or only the CPU loaded while a GPU is required.</exception>
    public ProviderSelection Configure(SessionOptions options, ExecutionProviderSettings settings, IReadOnlyCollection<ExecutionProviderKind>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loaded = new List<ExecutionProviderKind>();
        var attempts = new List<ProviderAttempt>();
        foreach (ExecutionProviderKind kind in Order)
        {
            if (excluded?.Contains(kind) == true)
            {
                continue;
            }

            string? reason = _appender.TryAppend(options, kind, settings);
            attempts.Add(new ProviderAttempt(kind, reason));
            if (reason is null)
            {
                loaded.Add(kind);
            }
            else
            {
                ReportFallback(kind, reason);
            }
        }

        string reasons = string.Join("; ", attempts.Where(a => !a.Loaded).Select(a => $"{ExecutionProviderNames.Display(a.Kind)}: {a.FailureReason}"));
        if (loaded.Count == 0)
        {
            throw new NoExecutionProviderException($"no execution provider of the chain {string.Join(" → ", Order.Select(ExecutionProviderNames.Display))} loaded: {reasons}");
        }

        if (RequireGpu && !ExecutionProviderNames.IsGpu(loaded[0]))
        {
            Log.GpuRequired(_logger, reasons);
            throw new NoExecutionProviderException($"Inference:RequireGpu is set but no GPU execution provider loaded: {(reasons.Length > 0 ? reasons : "the chain names none")}");
        }

        return new ProviderSelection(loaded, attempts);
    }

    /// <summary>Checks the chain without a model (service start-up); same outcome and logging as <see cref="Configure"/>.</summary>
    public ProviderSelection Probe(ExecutionProviderSettings settings)
    {
        using var options = new SessionOptions();
        return Configure(options, settings);
    }

    /// <summary>Logs a provider failure once per provider and reason, so a fleet of sessions does not repeat it.</summary>
    public void ReportFallback(ExecutionProviderKind kind, string reason)
    {
        if (_loggedFallbacks.TryAdd((kind, reason), true))
        {
            Log.ProviderFallback(_logger, ExecutionProviderNames.Display(kind), reason);
        }
    }
}
