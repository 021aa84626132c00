using System.CommandLine;
using Edge.Inference;

namespace Edge.Cli.Commands.Inference;

/// <summary>Options every inference command shares: where the models are and how they run.</summary>
internal sealed class InferenceCliOptions
{
    public Option<string?> Models { get; } = new("--models")
    {
        Description = "Model packages folder (default: $EDGE_MODELS_DIR, then firmware-config/models of this checkout, then /usr/lib/edge/models)",
    };

    public Option<string[]> Providers { get; } = new("--providers")
    {
        Description = "Execution providers in priority order (default: TensorRT CUDA CPU)",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<bool> RequireGpu { get; } = new("--require-gpu") { Description = "Fail unless TensorRT or CUDA loads" };

    public Option<int> Threads { get; } = new("--threads") { Description = "CPU provider threads (0: one per core)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Models);
        command.Options.Add(Providers);
        command.Options.Add(RequireGpu);
        command.Options.Add(Threads);
    }

    public InferenceOptions Read(ParseResult result) => new()
    {
        ModelsDirectory = result.GetValue(Models),
        ExecutionProviders = result.GetValue(Providers) is { Length: > 0 } providers ? providers : null,
        RequireGpu = result.GetValue(RequireGpu),
        IntraOpThreads = result.GetValue(Threads),

        // A field engineer's warm-up builds engines where the service will find them.
        TensorRt = new TensorRtOptions { CacheDirectory = Environment.GetEnvironmentVariable("EDGE_TRT_CACHE") ?? new TensorRtOptions().CacheDirectory },
    };
}
