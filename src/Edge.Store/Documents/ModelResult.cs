namespace Edge.Store.Documents;

/// <summary>What one screening model concluded about one series; mirrors Edge.Inference's Screening.ModelResult.</summary>
public sealed class ModelResult
{
    /// <summary>Model identifier from its package, e.g. <c>pancreas-screen</c>.</summary>
    public string Id { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>SHA-256 of the ONNX file, lowercase hex: which exact weights produced this result.</summary>
    public string Sha256 { get; set; } = "";

    public bool Eligible { get; set; }

    /// <summary>Why the model was not eligible or failed, as a short code or sentence.</summary>
    public string? Reason { get; set; }

    /// <summary>Series-level probability, 0..1.</summary>
    public double? Probability { get; set; }

    /// <summary>The operating threshold the decision used.</summary>
    public double? Threshold { get; set; }

    /// <summary>The specificity the operating point was chosen for.</summary>
    public double? TargetSpecificity { get; set; }

    public Decision Decision { get; set; }

    public List<Finding> Findings { get; set; } = [];

    public ModelTimings Timings { get; set; } = new();
}
