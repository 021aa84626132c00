using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// Reads the GPU name from the NVIDIA driver's procfs (discrete GPUs) or the device tree (Jetson modules), and the
/// TensorRT version from libnvinfer's exported <c>getInferLibVersion</c>. Nothing here needs a GPU to run.
/// </summary>
public sealed class SystemGpuEnvironment : IGpuEnvironment
{
    private readonly Lazy<string> _trt = new(ReadTensorRtVersion);
    private readonly Lazy<string> _gpu = new(ReadGpuName);

    public string OnnxRuntimeVersion => OrtEnv.Instance().GetVersionString();
    public string TensorRtVersion => _trt.Value;
    public string GpuName => _gpu.Value;

    private static string ReadGpuName()
    {
        const string driverRoot = "/proc/driver/nvidia/gpus";
        try
        {
            if (Directory.Exists(driverRoot))
            {
                foreach (string info in Directory.EnumerateFiles(driverRoot, "information", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    foreach (string line in File.ReadLines(info))
                    {
                        if (line.StartsWith("Model:", StringComparison.Ordinal))
                        {
                            return line["Model:".Length..].Trim();
                        }
                    }
                }
            }

            const string deviceTreeModel = "/proc/device-tree/model";
            if (File.Exists(deviceTreeModel))
            {
                string model = File.ReadAllText(deviceTreeModel).TrimEnd('\0', '\n', ' ');
                if (model.Contains("NVIDIA", StringComparison.OrdinalIgnoreCase) || model.Contains("Jetson", StringComparison.OrdinalIgnoreCase))
                {
                    return model;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return "none";
    }

    private static string ReadTensorRtVersion()
    {
        foreach (string name in new[] { "libnvinfer.so.10", "libnvinfer.so.8", "libnvinfer.so" })
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr handle))
            {
                continue;
            }

            try
            {
                if (NativeLibrary.TryGetExport(handle, "getInferLibVersion", out IntPtr export))
                {
                    int version = Marshal.GetDelegateForFunctionPointer<GetVersion>(export)();
                    return DecodeVersion(version);
                }
            }
            finally
            {
                NativeLibrary.Free(handle);
            }
        }

        return "none";
    }

    /// <summary>TensorRT ≥ 10 encodes major·10000 + minor·100 + patch; TensorRT 8 encoded major·1000 + minor·100 + patch.</summary>
    internal static string DecodeVersion(int version) => version >= 100000
        ? $"{version / 10000}.{version / 100 % 100}.{version % 100}"
        : $"{version / 1000}.{version / 100 % 10}.{version % 100}";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetVersion();
}
