using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// A device profile (<c>firmware-config/profiles/NAME.json</c>): a configuration fragment merged into edge.json by
/// <c>edgectl provision</c>, plus a <c>Profile</c> section that is not configuration: the name, a description and the
/// unit's memory cap (<c>MemoryMax</c> and the .NET GC share of it), which go into a systemd drop-in.
/// </summary>
internal sealed partial class DeviceProfile
{
    public const string SectionName = "Profile";

    /// <summary>Below 512 MiB the service cannot hold one 512×512×300 CT volume (150 MiB) and its float copy.</summary>
    public const long MinimumMemoryBytes = 512L << 20;

    private DeviceProfile(string name, string description, string memoryMax, long memoryMaxBytes, int gcPercent, JsonObject settings, string source)
    {
        Name = name;
        Description = description;
        MemoryMax = memoryMax;
        MemoryMaxBytes = memoryMaxBytes;
        GcHeapHardLimitPercent = gcPercent;
        Settings = settings;
        Source = source;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>systemd's MemoryMax= value, e.g. <c>5G</c>.</summary>
    public string MemoryMax { get; }

    public long MemoryMaxBytes { get; }

    /// <summary>
    /// The .NET GC heap's share of MemoryMax in percent; 0 keeps .NET's default (75 % of a cgroup limit), which leaves
    /// ONNX Runtime's native buffers too little.
    /// </summary>
    public int GcHeapHardLimitPercent { get; }

    /// <summary>The configuration fragment (everything but the Profile section).</summary>
    public JsonObject Settings { get; }

    public string Source { get; }

    public static DeviceProfile Load(string path)
    {
        JsonObject root = JsonConfig.Load(path);
        if (root.Count == 0)
        {
            throw new InvalidDataException($"{path}: not a device profile (empty or missing)");
        }

        var errors = new List<string>();
        string name = Text(root, "Name", errors) ?? string.Empty;
        string description = Text(root, "Description", errors) ?? string.Empty;
        string memoryMax = Text(root, "MemoryMax", errors) ?? string.Empty;
        long bytes = 0;
        if (memoryMax.Length > 0 && (ParseSize(memoryMax) is not { } parsed || parsed < MinimumMemoryBytes))
        {
            errors.Add($"{SectionName}:MemoryMax: must be a size such as 5G, at least 512M (was '{memoryMax}')");
        }
        else if (memoryMax.Length > 0)
        {
            bytes = ParseSize(memoryMax)!.Value;
        }

        int percent = 0;
        if (JsonConfig.Get(root, $"{SectionName}:GcHeapHardLimitPercent") is { } p
            && (p is not JsonValue v || !v.TryGetValue(out percent) || percent is < 0 or > 100))
        {
            errors.Add($"{SectionName}:GcHeapHardLimitPercent: must be 0 (the .NET default) to 100 (was {p.ToJsonString()})");
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{path}: " + string.Join("; ", errors));
        }

        var settings = (JsonObject)root.DeepClone();
        JsonConfig.Set(settings, SectionName, null);
        return new DeviceProfile(name, description, memoryMax, bytes, percent, settings, path);
    }

    /// <summary>A systemd size (<c>5G</c>, <c>512M</c>, <c>1073741824</c>): K, M, G, T are powers of 1024 (systemd.resource-control(5)).</summary>
    public static long? ParseSize(string text)
    {
        Match m = SizePattern().Match(text);
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
        {
            return null;
        }

        int shift = m.Groups[2].Value switch { "K" => 10, "M" => 20, "G" => 30, "T" => 40, _ => 0 };

        // Anything past 2^50 bytes (a petabyte) is a typo, and would overflow the shift.
        return number > (1L << 50) >> shift ? null : number << shift;
    }

    private static string? Text(JsonObject root, string key, List<string> errors)
    {
        if (JsonConfig.Get(root, $"{SectionName}:{key}") is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s))
        {
            return s;
        }

        errors.Add($"{SectionName}:{key}: is required");
        return null;
    }

    [GeneratedRegex("^([0-9]{1,16})([KMGT]?)$")]
    private static partial Regex SizePattern();
}
