using System.Diagnostics;
using Edge.Imaging;
using Edge.Imaging.Eligibility;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Inference.Screening;

/// <summary>
/// One scan, many screens: the volume is assembled once and every active package is offered it. Each model first
/// checks its eligibility rule against the series; eligible models run one after another on the same volume. A model
/// that fails is reported as failed with its reason and never stops the others.
/// </summary>
public sealed class ScreeningPipeline
{
    private readonly IReadOnlyList<ModelPackage> _packages;
    private readonly ModelRunner _runner;
    private readonly ILogger _logger;

    public ScreeningPipeline(IReadOnlyList<ModelPackage> packages, ModelSessionCache sessions, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        _packages = packages;
        _runner = new ModelRunner(sessions);
        _logger = logger ?? NullLogger.Instance;
    }

    public IReadOnlyList<ModelPackage> Packages => _packages;

    public ScreeningReport Screen(CtVolume volume, SeriesProperties series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(series);
        var results = new List<ModelResult>(_packages.Count);
        foreach (ModelPackage package in _packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(ScreenOne(volume, series, package, cancellationToken));
        }

        return new ScreeningReport
        {
            Models = results,
            ExecutionProvider = results.FirstOrDefault(r => r.ExecutionProvider is not null)?.ExecutionProvider ?? "none",
            SeriesInstanceUid = volume.SeriesInstanceUid,
        };
    }

    private ModelResult ScreenOne(CtVolume volume, SeriesProperties series, ModelPackage package, CancellationToken cancellationToken)
    {
        if (package.Manifest.Eligibility is { } rule)
        {
            EligibilityResult eligibility = rule.Evaluate(series);
            if (!eligibility.Eligible)
            {
                Log.NotEligible(_logger, package.Id, eligibility.Reason);
                return new ModelResult
                {
                    Id = package.Id,
                    Version = package.Version,
                    Eligible = false,
                    Reason = eligibility.Reason,
                    Decision = ScreeningDecision.NotEligible,
                };
            }
        }

        var watch = Stopwatch.StartNew();
        try
        {
            ModelResult result = _runner.Run(volume, package, cancellationToken: cancellationToken);
            if (result.Decision == ScreeningDecision.Failed)
            {
                Log.ModelFailed(_logger, package.Id, result.Reason ?? "unknown", null);
            }
            else
            {
                Log.ModelFinished(_logger, package.Id, ScreeningDecisionNames.Json(result.Decision), result.Probability ?? 0, result.Findings.Count, watch.ElapsedMilliseconds);
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One model's failure (bad input, a runtime error, memory) is that model's result; it must never stop the
            // other models or the service.
            Log.ModelFailed(_logger, package.Id, ex.Message, ex);
            return new ModelResult
            {
                Id = package.Id,
                Version = package.Version,
                Eligible = true,
                Reason = ex.Message,
                Decision = ScreeningDecision.Failed,
            };
        }
    }
}
