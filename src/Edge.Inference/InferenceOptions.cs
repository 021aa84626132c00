using Edge.Inference.Execution;

namespace Edge.Inference;

/// <summary>Settings of the inference layer, bound from configuration section <c>Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>The default chain: TensorRT first, then CUDA, then the CPU.</summary>
    public static readonly IReadOnlyList<ExecutionProviderKind> DefaultChain =
        [ExecutionProviderKind.TensorRt, ExecutionProviderKind.Cuda, ExecutionProviderKind.Cpu];

    /// <summary>Models root; empty means <see cref="Packages.ModelDirectoryResolver"/>'s search.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>Provider names in priority order (TensorRT, CUDA, CPU); empty means <see cref="DefaultChain"/>.</summary>
    public string[]? ExecutionProviders { get; set; }

    /// <summary>Fail start-up when neither TensorRT nor CUDA loads (an appliance sold with a GPU must not silently crawl on the CPU).</summary>
    public bool RequireGpu { get; set; }

    public int DeviceId { get; set; }

    /// <summary>ONNX Runtime intra-op threads for the CPU provider; 0 lets ONNX Runtime use one per physical core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Ids of the packages to run; empty means every valid package found.</summary>
    public string[]? ActiveModels { get; set; }

    /// <summary>Upper bound for the CUDA provider's memory arena in bytes; 0 means no limit.</summary>
    public long CudaMemoryLimitBytes { get; set; }

    public TensorRtOptions TensorRt { get; set; } = new();

    public IReadOnlyList<ExecutionProviderKind> ProviderChain()
    {
        if (ExecutionProviders is not { Length: > 0 } names)
        {
            return DefaultChain;
        }

        var chain = new List<ExecutionProviderKind>(names.Length);
        foreach (string name in names)
        {
            if (ExecutionProviderNames.TryParse(name, out ExecutionProviderKind kind) && !chain.Contains(kind))
            {
                chain.Add(kind);
            }
        }

        return chain;
    }
}
