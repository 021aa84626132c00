using System.Diagnostics;
using System.Globalization;
using Edge.Inference;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Edge.Sync.Messages;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Models;

/// <summary>
/// The screening models of this process: the verified packages found under the models root, their ONNX Runtime
/// sessions (created and warmed up at start with test-phantom screenings, so the first scan pays no session, engine or
/// code-compilation cost), and the pipeline that runs them. A refused or missing package is an alarm, never a crash:
/// images are still received and queued.
/// </summary>
public sealed class ModelRuntime : IDisposable
{
    private readonly InferenceOptions _options;
    private readonly ILogger _logger;
    private ModelSessionCache? _sessions;

    public ModelRuntime(InferenceOptions options, ILogger<ModelRuntime> logger)
    {
        _options = options;
        _logger = logger;
        Directory = ModelDirectoryResolver.Resolve(options.ModelsDirectory);
    }

    public ModelDirectory Directory { get; }

    public IReadOnlyList<ModelCatalogEntry> Catalog { get; private set; } = [];

    /// <summary>The packages that run on every series.</summary>
    public IReadOnlyList<ModelPackage> Active { get; private set; } = [];

    public ScreeningPipeline? Pipeline { get; private set; }

    /// <summary>The provider the first network loaded on (TensorRT, CUDA, CPU); null before loading or without models.</summary>
    public string? ExecutionProvider { get; private set; }

    /// <summary>Why there is no model to run, or null when there is one.</summary>
    public string? Problem { get; private set; }

    /// <summary>Refused packages and active models that were asked for but not found.</summary>
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    public IReadOnlyList<ModelIdentity> Identities =>
        [.. Active.Select(p => new ModelIdentity(p.Id, p.Version, p.Sha256Of(p.Manifest.Network)))];

    /// <summary>
    /// Discovers, verifies and opens every active package. Throws <see cref="NoExecutionProviderException"/> only when
    /// <c>Inference:RequireGpu</c> is set and no GPU provider loads: that appliance must not silently crawl on the CPU.
    /// </summary>
    public void Load(bool warmUp, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory.Path))
        {
            Fail($"the models directory {Directory.Path} ({Directory.Source}) does not exist");
            return;
        }

        Catalog = ModelCatalog.Discover(Directory.Path);
        var refusals = new List<string>();
        foreach (ModelCatalogEntry refused in Catalog.Where(e => !e.IsValid))
        {
            ServiceLog.ModelRefused(_logger, refused.Directory, refused.Error ?? "unknown");
            refusals.Add($"{Path.GetFileName(refused.Directory)}: {refused.Error}");
        }

        List<ModelPackage> valid = [.. Catalog.Where(e => e.IsValid).Select(e => e.Package!)];
        string[] wanted = _options.ActiveModels is { Length: > 0 } active ? active : [];
        foreach (string missing in wanted.Where(id => !valid.Any(p => p.Id == id)))
        {
            refusals.Add($"{missing}: listed in Inference:ActiveModels but not installed or refused");
        }

        Refusals = refusals;
        Active = wanted.Length == 0 ? valid : [.. valid.Where(p => wanted.Contains(p.Id, StringComparer.Ordinal))];
        if (Active.Count == 0)
        {
            Fail($"no valid active model package in {Directory.Path}");
            return;
        }

        var chain = ExecutionProviderChain.FromOptions(_options, logger: _logger);
        _sessions = new ModelSessionCache(_options, chain, logger: _logger);
        foreach (ModelPackage package in Active)
        {
            foreach (NetworkSpec network in package.Manifest.Networks())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ModelSession session = _sessions.Get(package, network);
                ExecutionProvider ??= ExecutionProviderNames.Display(session.Providers.Primary);
                if (warmUp)
                {
                    session.WarmUp();
                }
            }
        }

        Pipeline = new ScreeningPipeline(Active, _sessions, _logger);
        if (warmUp)
        {
            WarmUpPipeline(Pipeline, cancellationToken);
        }

        ServiceLog.ModelsLoaded(_logger, Directory.Path, Directory.Source, string.Join(", ", Active.Select(p => p.ToString())));
    }

    // The whole path once (see TestPhantomScreening): the first real series then runs compiled code only. A verdict
    // other than negative is logged, not fatal: the service still receives, forwards and keeps every image.
    private void WarmUpPipeline(ScreeningPipeline pipeline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ScreeningReport report;
        try
        {
            report = TestPhantomScreening.Run(pipeline, cancellationToken);

            // The paths a diagnostic scan with a finding takes and the lesion-free phantom does not (a second stage
            // filtering its box, findings measured and located): compiled here rather than on a real series' critical
            // path. Its verdict is not a check: the lesion-free screening above is.
            _ = TestPhantomScreening.Run(pipeline, TestPhantomScreening.FinePixelsWithLesion, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a warm-up: the first series then pays for what it would have compiled, nothing more.
            ServiceLog.WarmUpFailed(_logger, ex.GetType().Name, ex.Message);
            return;
        }

        string verdicts = string.Join("; ", report.Models.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Id} {ScreeningDecisionNames.Json(m.Decision)} (p {m.Probability:0.000})")));
        ServiceLog.WarmUpScreened(_logger, verdicts, clock.Elapsed.TotalMilliseconds);
        if (report.Models.Any(m => m.Decision != ScreeningDecision.Negative))
        {
            ServiceLog.WarmUpUnexpected(_logger, verdicts);
        }
    }

    private void Fail(string reason)
    {
        Problem = reason;
        ServiceLog.NoModels(_logger, reason);
    }

    public void Dispose() => _sessions?.Dispose();
}
