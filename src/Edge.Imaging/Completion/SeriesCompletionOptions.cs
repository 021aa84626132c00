using System.Globalization;

namespace Edge.Imaging.Completion;

/// <summary>When a series counts as complete. Validate at start-up: <see cref="Validate"/> names every bad key.</summary>
public sealed record SeriesCompletionOptions
{
    /// <summary>
    /// Quiet time after the last instance. 10 s by default: a scanner streams a series with sub-second gaps, and
    /// peers use 5 s to 60 s (Orthanc's StableAge defaults to 60 s).
    /// </summary>
    public TimeSpan QuietTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An association still open this long after the series' last instance no longer holds the series open, so a
    /// sender that never releases cannot stall screening. 10 minutes exceeds any scanner's inter-series pause
    /// on one association, and the SCP's own idle timeout normally closes such associations sooner.
    /// </summary>
    public TimeSpan MaxOpenAssociationWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When the one association that carried a series is released normally (A-RELEASE, not an abort) and nothing else
    /// is adding to the series, it completes this long after the release instead of after the full
    /// <see cref="QuietTime"/>: the sender said it is done. 0 by default: the series completes at the release itself. A
    /// sender that goes on with a further association (batches) reopens the series with its next instance, and
    /// edge-service then stops screening the partial series and screens it whole at its next completion; a grace
    /// only saves that wasted start, and would cost every series' latency. At or above <see cref="QuietTime"/> it turns
    /// the early completion off (the quiet time is never lengthened).
    /// </summary>
    public TimeSpan ReleaseGrace { get; init; } = TimeSpan.Zero;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (QuietTime <= TimeSpan.Zero || QuietTime > TimeSpan.FromHours(1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Completion:QuietTime must be between 0 and 1 hour (got {QuietTime})"));
        }

        if (MaxOpenAssociationWait < QuietTime || MaxOpenAssociationWait > TimeSpan.FromDays(1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Completion:MaxOpenAssociationWait must be between QuietTime and 1 day (got {MaxOpenAssociationWait})"));
        }

        if (ReleaseGrace < TimeSpan.Zero || ReleaseGrace > TimeSpan.FromHours(1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Completion:ReleaseGrace must be between 0 and 1 hour (got {ReleaseGrace})"));
        }

        return errors;
    }
}
