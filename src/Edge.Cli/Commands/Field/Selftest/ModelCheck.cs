using System.Diagnostics;
using System.Globalization;
using Edge.Inference;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Edge.Service.Configuration;
using Edge.Service.Control.Contracts;

namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>
/// The model checks of the self-test, with the configured providers: every active package verified (SHA-256 of each
/// file) and its networks loaded, a warm-up screening of a small phantom, and the provider really in use.
/// </summary>
internal sealed class ModelCheck(EdgeSettings? settings) : IDisposable
{
    private ModelSessionCache? _sessions;
    private IReadOnlyList<ModelPackage> _packages = [];
    private ProviderSelection? _providers;

    public (CheckOutcome, string) Load()
    {
        if (settings is null)
        {
            return (CheckOutcome.Fail, "not checked: the configuration is not usable");
        }

        InferenceOptions options = settings.Inference;
        ModelDirectory directory = ModelDirectoryResolver.Resolve(options.ModelsDirectory);
        if (!Directory.Exists(directory.Path))
        {
            return (CheckOutcome.Fail, $"the models folder {directory.Path} ({directory.Source}) does not exist");
        }

        // Discovery verifies every file's SHA-256 against the manifest; a tampered or truncated package is refused here.
        IReadOnlyList<ModelCatalogEntry> catalog = ModelCatalog.Discover(directory.Path);
        string[] wanted = options.ActiveModels is { Length: > 0 } active ? active : [.. catalog.Where(e => e.IsValid).Select(e => e.Package!.Id)];
        var problems = new List<string>();
        foreach (ModelCatalogEntry refused in catalog.Where(e => !e.IsValid))
        {
            problems.Add($"{Path.GetFileName(refused.Directory)} refused: {refused.Error}");
        }

        _packages = [.. catalog.Where(e => e.IsValid && wanted.Contains(e.Package!.Id)).Select(e => e.Package!)];
        foreach (string missing in wanted.Where(id => _packages.All(p => p.Id != id)))
        {
            problems.Add($"{missing} is active (Inference:ActiveModels) but not installed or refused");
        }

        if (_packages.Count == 0)
        {
            problems.Add($"no valid model package in {directory.Path}");
        }

        if (problems.Count > 0)
        {
            return (CheckOutcome.Fail, string.Join("; ", problems));
        }

        _sessions = new ModelSessionCache(options, ExecutionProviderChain.FromOptions(options));
        int networks = 0;
        foreach (ModelPackage package in _packages)
        {
            foreach (NetworkSpec network in package.Manifest.Networks())
            {
                ModelSession session = _sessions.Get(package, network);
                _providers ??= session.Providers;
                networks++;
            }
        }

        return (CheckOutcome.Pass, $"{string.Join(", ", _packages.Select(p => $"{p.Id} {p.Version} ({p.Manifest.Files.Count} files match their SHA-256)"))}; {networks} network(s) loaded from {directory.Path}");
    }

    public (CheckOutcome, string) WarmUp(CancellationToken cancellationToken)
    {
        if (_sessions is null)
        {
            return (CheckOutcome.Fail, "not run: no model loaded");
        }

        var clock = Stopwatch.StartNew();
        ScreeningReport report = TestPhantomScreening.Run(new ScreeningPipeline(_packages, _sessions), cancellationToken);
        string took = string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s");
        var verdicts = report.Models.Select(m => m.Decision switch
        {
            ScreeningDecision.Negative => (CheckOutcome.Pass, string.Create(CultureInfo.InvariantCulture, $"{m.Id}: negative (p {m.Probability:0.000})")),
            ScreeningDecision.Suspicious => (CheckOutcome.Fail, string.Create(CultureInfo.InvariantCulture,
                $"{m.Id}: SUSPICIOUS on a lesion-free phantom (p {m.Probability:0.000}): the model or its provider computes wrongly")),
            ScreeningDecision.NotEligible => (CheckOutcome.Fail, $"{m.Id}: not eligible for the test phantom ({m.Reason})"),
            _ => (CheckOutcome.Fail, $"{m.Id}: failed ({m.Reason})"),
        }).ToList();
        CheckOutcome outcome = verdicts.Any(v => v.Item1 == CheckOutcome.Fail) ? CheckOutcome.Fail : CheckOutcome.Pass;
        return (outcome, $"lesion-free phantom {TestPhantomScreening.Size}x{TestPhantomScreening.Size}x{TestPhantomScreening.Slices}: " +
            $"{string.Join("; ", verdicts.Select(v => v.Item2))} in {took} on {report.ExecutionProvider}");
    }

    public (CheckOutcome, string) Provider(StatusResponse? status)
    {
        if (_providers is null || settings is null)
        {
            return (CheckOutcome.Fail, "not checked: no model loaded");
        }

        IReadOnlyList<ExecutionProviderKind> chain = settings.Inference.ProviderChain();
        string wanted = string.Join(" → ", chain.Select(ExecutionProviderNames.Display));
        string here = ExecutionProviderNames.Display(_providers.Primary);
        string service = status?.ExecutionProvider is { } s ? $"; edge-service reports {s}" : "; edge-service not running";
        if (_providers.Primary == chain[0] && (status?.ExecutionProvider is null || status.ExecutionProvider == here))
        {
            return (CheckOutcome.Pass, $"{here} (configured {wanted}){service}");
        }

        // A GPU box that fell back to its CPU screens at a fraction of the speed: the engineer must see it here.
        return (CheckOutcome.Fail, $"{here} in use, but {ExecutionProviderNames.Display(chain[0])} is configured first ({_providers.Describe()}){service}");
    }

    public void Dispose() => _sessions?.Dispose();
}
