using Edge.Inference.Execution;
using Microsoft.Extensions.Options;

namespace Edge.Inference;

/// <summary>Start-up validation of <see cref="InferenceOptions"/>: every bad key is reported at once, by its configuration path.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    private const string Section = InferenceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = [.. Errors(options)];
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] providers = options.ExecutionProviders ?? [];
        var seen = new HashSet<ExecutionProviderKind>();
        for (int i = 0; i < providers.Length; i++)
        {
            if (!ExecutionProviderNames.TryParse(providers[i], out ExecutionProviderKind kind))
            {
                yield return $"{Section}:ExecutionProviders:{i} '{providers[i]}' must be TensorRT, CUDA or CPU";
            }
            else if (!seen.Add(kind))
            {
                yield return $"{Section}:ExecutionProviders:{i} '{providers[i]}' is listed twice";
            }
        }

        if (options.RequireGpu && providers.Length > 0 && !seen.Any(ExecutionProviderNames.IsGpu))
        {
            yield return $"{Section}:RequireGpu is true but {Section}:ExecutionProviders names no GPU provider (TensorRT or CUDA)";
        }

        if (options.DeviceId is < 0 or > 63)
        {
            yield return $"{Section}:DeviceId {options.DeviceId} must be 0-63";
        }

        // More threads than cores only adds contention; 256 covers any appliance CPU.
        if (options.IntraOpThreads is < 0 or > 256)
        {
            yield return $"{Section}:IntraOpThreads {options.IntraOpThreads} must be 0 (automatic) to 256";
        }

        if (options.CudaMemoryLimitBytes < 0)
        {
            yield return $"{Section}:CudaMemoryLimitBytes {options.CudaMemoryLimitBytes} must not be negative";
        }

        string[] active = options.ActiveModels ?? [];
        for (int i = 0; i < active.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(active[i]))
            {
                yield return $"{Section}:ActiveModels:{i} must name a model id";
            }
        }

        TensorRtOptions trt = options.TensorRt;
        if (trt is null)
        {
            yield return $"{Section}:TensorRt must not be null";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(trt.CacheDirectory) || !Path.IsPathFullyQualified(trt.CacheDirectory))
        {
            yield return $"{Section}:TensorRt:CacheDirectory '{trt.CacheDirectory}' must be an absolute path";
        }

        // Below 16 MiB TensorRT cannot build tactics for 3D convolutions; 64 GiB exceeds any Jetson.
        if (trt.WorkspaceBytes is < (16L << 20) or > (64L << 30))
        {
            yield return $"{Section}:TensorRt:WorkspaceBytes {trt.WorkspaceBytes} must be 16 MiB-64 GiB";
        }

        if (trt.BuilderOptimizationLevel is < 0 or > 5)
        {
            yield return $"{Section}:TensorRt:BuilderOptimizationLevel {trt.BuilderOptimizationLevel} must be 0-5";
        }
    }
}
