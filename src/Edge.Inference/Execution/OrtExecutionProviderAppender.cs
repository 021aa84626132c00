using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// Appends providers to real ONNX Runtime session options. A provider this ONNX Runtime build lacks (the default CPU
/// package has neither CUDA nor TensorRT), or whose native libraries (CUDA, cuDNN, TensorRT) do not load, yields a reason.
/// </summary>
public sealed class OrtExecutionProviderAppender : IExecutionProviderAppender
{
    public static OrtExecutionProviderAppender Instance { get; } = new();

    public string? TryAppend(SessionOptions options, ExecutionProviderKind kind, ExecutionProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        if (kind == ExecutionProviderKind.Cpu)
        {
            // ONNX Runtime always registers the CPU provider last; nothing to append.
            return null;
        }

        string ortName = ExecutionProviderNames.OrtName(kind);
        string[] available = OrtEnv.Instance().GetAvailableProviders();
        if (Array.IndexOf(available, ortName) < 0)
        {
            return $"this ONNX Runtime build ({OrtEnv.Instance().GetVersionString()}) has no {ortName} (providers: {string.Join(", ", available)}); " +
                "build with -p:EdgeGpu=true, or on Jetson use the device's TensorRT-enabled libonnxruntime";
        }

        try
        {
            if (kind == ExecutionProviderKind.TensorRt)
            {
                using var trt = new OrtTensorRTProviderOptions();
                trt.UpdateOptions(new Dictionary<string, string>(settings.TensorRt));
                options.AppendExecutionProvider_Tensorrt(trt);
            }
            else
            {
                using var cuda = new OrtCUDAProviderOptions();
                cuda.UpdateOptions(new Dictionary<string, string>(settings.Cuda));
                options.AppendExecutionProvider_CUDA(cuda);
            }

            return null;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException or BadImageFormatException)
        {
            return ex.Message;
        }
    }
}
