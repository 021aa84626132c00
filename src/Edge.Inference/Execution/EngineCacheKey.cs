using System.Text;

namespace Edge.Inference.Execution;

/// <summary>
/// Names the directory that holds one network's TensorRT engine and timing caches. TensorRT engines are specific to the
/// model bytes, the ONNX Runtime and TensorRT versions and the GPU; putting all four in the name means a firmware or model
/// update can never load a stale engine, and the old one is simply left behind.
/// </summary>
public static class EngineCacheKey
{
    public static string Compute(string modelSha256, IGpuEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(modelSha256);
        ArgumentNullException.ThrowIfNull(environment);
        string sha = modelSha256.Length >= 16 ? modelSha256[..16] : modelSha256;
        return $"{Sanitize(sha)}_ort-{Sanitize(environment.OnnxRuntimeVersion)}_trt-{Sanitize(environment.TensorRtVersion)}_{Sanitize(environment.GpuName)}";
    }

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Trim())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        return builder.Length == 0 ? "unknown" : builder.ToString();
    }
}
