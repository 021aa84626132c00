using System.Text.Json.Nodes;
using Edge.Cli.Commands.Field;
using Edge.Service.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Cli.Tests.Field;

/// <summary>The shipped device profiles and default edge.json use the layers' real keys and pass the service's validator.</summary>
public sealed class DeviceProfileTests
{
    public static TheoryData<string> Profiles => ["jetson-orin-nano", "jetson-agx-orin", "x86-dgpu", "cpu-only"];

    [Fact]
    public void The_four_profiles_are_shipped_and_nothing_else()
    {
        Assert.Equal(["cpu-only", "jetson-agx-orin", "jetson-orin-nano", "x86-dgpu"], DeviceProfileCatalog.Names(Checkout.Profiles));
    }

    [Fact]
    public void The_default_edge_json_is_valid_without_warnings()
    {
        ConfigurationReport report = Validate(JsonConfig.Load(Path.Combine(Checkout.FirmwareConfig, "edge.json")));
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        Assert.Empty(report.Warnings);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_profile_merged_into_the_default_is_valid_and_names_every_required_setting(string name)
    {
        DeviceProfile profile = DeviceProfileCatalog.Find(name, Checkout.Profiles);
        Assert.Equal(name, profile.Name);
        Assert.False(string.IsNullOrWhiteSpace(profile.Description));
        Assert.InRange(profile.MemoryMaxBytes, DeviceProfile.MinimumMemoryBytes, 64L << 30);
        Assert.InRange(profile.GcHeapHardLimitPercent, 20, 75);

        // The list: provider chain and threads, TensorRT workspace and fp16, memory limits, active models.
        foreach (string key in new[]
        {
            "Inference:ExecutionProviders", "Inference:IntraOpThreads", "Inference:TensorRt:WorkspaceBytes", "Inference:TensorRt:Fp16",
            "Inference:ActiveModels", "Inference:CudaMemoryLimitBytes", "Pipeline:AssembledQueueCapacity", "Dicom:InFlightMemoryLimit",
        })
        {
            Assert.True(JsonConfig.Get(profile.Settings, key) is not null, $"{name} does not set {key}");
        }

        Assert.Null(JsonConfig.Get(profile.Settings, DeviceProfile.SectionName));
        JsonObject merged = JsonConfig.Load(Path.Combine(Checkout.FirmwareConfig, "edge.json"));
        JsonConfig.Merge(merged, profile.Settings);
        ConfigurationReport report = Validate(merged);
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        Assert.Empty(report.Warnings);

        // Every active model is a package of firmware-config/models.
        foreach (JsonNode? model in (JsonArray)JsonConfig.Get(profile.Settings, "Inference:ActiveModels")!)
        {
            Assert.True(Directory.Exists(Path.Combine(Checkout.FirmwareConfig, "models", model!.GetValue<string>())), $"{name}: no model package {model}");
        }

        // A GPU profile insists on its GPU; the CPU profile never asks for one.
        bool gpu = name != "cpu-only";
        Assert.Equal(gpu, JsonConfig.Get(profile.Settings, "Inference:RequireGpu")!.GetValue<bool>());
        Assert.Equal(gpu ? "TensorRT" : "CPU", ((JsonArray)JsonConfig.Get(profile.Settings, "Inference:ExecutionProviders")!)[0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("5G", 5L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1073741824", 1L << 30)]
    [InlineData("2T", 2L << 40)]
    public void Memory_sizes_parse_as_systemd_reads_them(string text, long bytes) => Assert.Equal(bytes, DeviceProfile.ParseSize(text));

    [Theory]
    [InlineData("5 G")]
    [InlineData("5GB")]
    [InlineData("-1G")]
    [InlineData("99999999999999999T")]
    [InlineData("")]
    public void Malformed_memory_sizes_are_refused(string text) => Assert.Null(DeviceProfile.ParseSize(text));

    [Fact]
    public void A_profile_without_its_profile_section_is_refused_naming_the_missing_keys()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("bad.json"), """{ "Profile": { "Name": "bad", "MemoryMax": "12" }, "Inference": {} }""");
        var ex = Assert.Throws<InvalidDataException>(() => DeviceProfile.Load(temp.File("bad.json")));
        Assert.Contains("Profile:Description: is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Profile:MemoryMax: must be a size such as 5G, at least 512M (was '12')", ex.Message, StringComparison.Ordinal);
    }

    private static ConfigurationReport Validate(JsonObject configuration)
    {
        using var temp = new TempDirectory();
        string file = temp.File("edge.json");
        File.WriteAllBytes(file, JsonConfig.Serialize(configuration));
        return EdgeConfigurationValidator.Validate(EdgeConfiguration.FromFile(file), out _, forService: false);
    }
}
