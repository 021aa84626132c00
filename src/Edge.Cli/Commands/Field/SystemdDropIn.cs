using System.Globalization;
using System.Text;
using Edge.IO;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// The unit drop-in that carries a device profile's memory cap: <c>MemoryMax=</c> (the kernel's hard limit for the
/// whole service, cgroup v2) and the .NET GC's share of it. A drop-in survives package upgrades, which replace
/// /lib/systemd/system/edge.service.
/// </summary>
internal static class SystemdDropIn
{
    public static string Render(DeviceProfile profile, DateTimeOffset at)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Written by edgectl provision at {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: device profile {profile.Name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"# ({profile.Description}).");
        text.AppendLine("# Change it with `edgectl provision --profile NAME`, not by hand; then `systemctl daemon-reload`.");
        text.AppendLine("[Service]");
        text.AppendLine(CultureInfo.InvariantCulture, $"MemoryMax={profile.MemoryMax}");
        if (profile.GcHeapHardLimitPercent > 0)
        {
            // .NET reads this knob as hexadecimal (docs: GCHeapHardLimitPercent); the rest of MemoryMax is left for
            // ONNX Runtime's native arena, TensorRT/CUDA host buffers and the DICOM receiver.
            text.AppendLine(CultureInfo.InvariantCulture, $"# .NET GC heap limit: {profile.GcHeapHardLimitPercent} % of MemoryMax; the rest is native memory (ONNX Runtime, CUDA host buffers).");
            text.AppendLine(CultureInfo.InvariantCulture, $"Environment=DOTNET_GCHeapHardLimitPercent=0x{profile.GcHeapHardLimitPercent:x}");
        }

        return text.ToString();
    }

    public static void Write(string path, DeviceProfile profile, DateTimeOffset at)
    {
        string full = Path.GetFullPath(path);
        AtomicFile.Write(full, Encoding.UTF8.GetBytes(Render(profile, at)),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
