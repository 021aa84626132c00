using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Edge.Reporting.Dicom;
using Edge.Reporting.KeyImages;
using Edge.Reporting.Segmentation;
using Edge.Reporting.Sources;
using Edge.Reporting.StructuredReport;

namespace Edge.Reporting;

/// <summary>
/// Turns one model's result on one series into DICOM result objects, all in the source's study, each kind in a
/// series of its own: the SEG of organ and findings, a key image per key slice, and the TID 1500 SR that references
/// them and the source. The options decide whether negative, not-eligible and failed results are reported at all.
/// </summary>
public sealed class ResultObjectFactory
{
    private readonly ReportingOptions _options;
    private readonly KeyImageRenderer _renderer;

    public ResultObjectFactory(ReportingOptions? options = null)
    {
        _options = options ?? new ReportingOptions();
        IReadOnlyList<string> errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid reporting options: " + string.Join("; ", errors), nameof(options));
        }

        _renderer = new KeyImageRenderer(_options);
    }

    public ReportingOptions Options => _options;

    public KeyImageRenderer Renderer => _renderer;

    /// <summary>Whether key images of this model carry the banner.</summary>
    public static bool ShowsBanner(AlgorithmDescription algorithm, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(options);
        return options.Banner switch
        {
            BannerMode.Always => true,
            BannerMode.Never => false,
            _ => algorithm.NotForClinicalUse,
        };
    }

    public ResultObjectSet Create(ResultReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckVolume(request);
        ScreeningDecision decision = request.Result.Decision;
        if (Silenced(decision) is { } why)
        {
            return ResultObjectSet.Empty(why);
        }

        var context = new CompositeContext(request, _options);
        var notes = new List<string>();
        TrackedFinding[] findings = [.. request.Result.Findings.Select((f, i) => new TrackedFinding(f, i + 1,
            $"{Capitalize(f.Label)} {i + 1}", context.Uids.For($"finding/{i + 1}")))];
        string title = $"AI {request.Algorithm.Name} {request.Algorithm.Version}";
        bool measured = decision is ScreeningDecision.Suspicious or ScreeningDecision.Negative;

        SegmentPlan? plan = null;
        ResultObject? segmentation = null;
        if (measured && request.Labels is { } labels)
        {
            plan = SegmentPlanner.Plan(labels.ResampleTo(request.Source.Geometry), request.Algorithm, findings, context.Uids);
            if (_options.Segmentation)
            {
                try
                {
                    segmentation = SegmentationBuilder.Build(context, request, plan, title + " segmentation") is { } seg
                        ? new ResultObject(ResultObjectKind.Segmentation, seg)
                        : null;
                    if (segmentation is null)
                    {
                        notes.Add(request.Source.FrameOfReferenceUid is null
                            ? "no SEG: the source series has no Frame of Reference UID"
                            : "no SEG: the label map has no organ or finding voxels on the source frames");
                    }
                }
                catch (ArgumentException ex)
                {
                    // An odd source (frames of differing size) costs the SEG, never the report.
                    notes.Add("no SEG: " + ex.Message);
                }
            }
        }
        else if (measured)
        {
            notes.Add("no SEG: the result carries no label map");
        }

        var keyImages = new List<ResultObject>();
        if (decision == ScreeningDecision.Suspicious && _options.KeyImages)
        {
            if (request.Volume is null)
            {
                notes.Add("no key images: the volume was not provided");
            }
            else if (findings.Length == 0)
            {
                notes.Add("no key images: the result has no finding to show");
            }
            else
            {
                try
                {
                    keyImages.AddRange(KeyImageObjects(context, request, findings, plan, title + " key images"));
                }
                catch (ArgumentException ex)
                {
                    notes.Add("no key images: " + ex.Message);
                }
            }
        }

        // Without a SEG the SR must not point at segments that were never sent.
        if (segmentation is null)
        {
            foreach (TrackedFinding f in findings)
            {
                f.SegmentNumber = null;
            }
        }

        ResultObject report = new(ResultObjectKind.StructuredReport,
            MeasurementReportBuilder.Build(context, request, _options, findings, segmentation?.SopInstanceUid, title + " report"));
        var objects = new List<ResultObject> { report };
        objects.AddRange(keyImages);
        if (segmentation is not null)
        {
            objects.Add(segmentation);
        }

        return new ResultObjectSet(objects, notes);
    }

    /// <summary>Renders the key image of one finding, e.g. for <c>edgectl results show --png</c>.</summary>
    public KeyImage RenderFinding(ResultReportRequest request, int findingIndex)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Volume is null)
        {
            throw new ArgumentException("a key image needs the volume", nameof(request));
        }

        CheckVolume(request);
        ArgumentOutOfRangeException.ThrowIfNegative(findingIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(findingIndex, request.Result.Findings.Count);
        var context = new CompositeContext(request, _options);
        TrackedFinding[] findings = [.. request.Result.Findings.Select((f, i) => new TrackedFinding(f, i + 1,
            $"{Capitalize(f.Label)} {i + 1}", context.Uids.For($"finding/{i + 1}")))];
        SegmentPlan? plan = request.Labels is { } labels
            ? SegmentPlanner.Plan(labels.ResampleTo(request.Source.Geometry), request.Algorithm, findings, context.Uids)
            : null;
        KeySlice slice = KeySlicePlanner.Plan(request.Source.Geometry, [findings[findingIndex]], plan?.Map)[0];
        return _renderer.Render(KeyRequest(request, plan, slice with { Findings = [.. findings.Where(f => slice.Findings.Contains(f) || OnSlice(plan, f, slice.Z))] }));
    }

    private IEnumerable<ResultObject> KeyImageObjects(CompositeContext context, ResultReportRequest request, TrackedFinding[] findings, SegmentPlan? plan, string description)
    {
        int instance = 0;
        foreach (KeySlice slice in KeySlicePlanner.Plan(request.Source.Geometry, findings, plan?.Map))
        {
            KeyImage image = _renderer.Render(KeyRequest(request, plan, slice));
            SourceFrame frame = request.Source.FrameAt(slice.Z) ?? request.Source.NearestFrame(slice.Z);
            string derivation = $"Key slice {slice.Z + 1} of {request.Source.Geometry.Depth} of series {request.Source.SeriesInstanceUid}, " +
                $"window {_renderer.WindowDescription}; {string.Join(", ", slice.Findings.Select(f => f.TrackingId))} outlined by {request.Algorithm.Name} {request.Algorithm.Version}";
            string? comment = ShowsBanner(request.Algorithm, _options) ? _options.BannerText : null;
            yield return new ResultObject(ResultObjectKind.KeyImage,
                SecondaryCaptureBuilder.Build(context, image, frame, request.Source.Geometry, ++instance, description, derivation, comment));
        }
    }

    private KeyImageRequest KeyRequest(ResultReportRequest request, SegmentPlan? plan, KeySlice slice) => new()
    {
        Volume = request.Volume!,
        Z = slice.Z,
        Labels = plan?.Map,
        OrganSegments = plan is null ? [] : [.. plan.Segments.Where(s => !s.IsFinding).Select(s => (byte)s.Number)],
        Marks = [.. slice.Findings.Select(f => new KeyImageMark
        {
            Tag = f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Legend = KeySlicePlanner.Legend(f),
            CentreLps = f.Finding.CentroidLps,
            DiameterMm = f.Finding.MaxDiameterMm,
            Segment = f.SegmentNumber is { } n ? (byte)n : null,
        })],
        Banner = ShowsBanner(request.Algorithm, _options) ? _options.BannerText : null,
        Caption = $"{request.Algorithm.Name} {request.Algorithm.Version} | {_renderer.WindowDescription} | slice {slice.Z + 1}/{request.Source.Geometry.Depth}",
    };

    private static void CheckVolume(ResultReportRequest request)
    {
        if (request.Volume is { } volume && !LabelVolume.SameGrid(volume.Geometry, request.Source.Geometry))
        {
            throw new ArgumentException($"the volume ({volume.Geometry}) is not on the source series' grid ({request.Source.Geometry})", nameof(request));
        }
    }

    private static bool OnSlice(SegmentPlan? plan, TrackedFinding finding, int z) =>
        plan is not null && finding.SegmentNumber is { } n && plan.Map.Slice(z).Contains((byte)n);

    private string? Silenced(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Negative when !_options.ReportNegative => "negative result not reported (Reporting:ReportNegative is false)",
        ScreeningDecision.NotEligible when !_options.ReportNotEligible => "not-eligible result not reported (Reporting:ReportNotEligible is false)",
        ScreeningDecision.Failed when !_options.ReportFailed => "failed result not reported (Reporting:ReportFailed is false)",
        _ => null,
    };

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
