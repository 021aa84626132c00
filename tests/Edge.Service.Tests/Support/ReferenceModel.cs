using System.Text.Json.Nodes;

namespace Edge.Service.Tests.Support;

/// <summary>The checkout's reference model package, which the end-to-end tests screen with.</summary>
internal static class ReferenceModel
{
    /// <summary>The models root holding <c>pancreas-ref</c>; fails the test, saying how to build it, when it is missing.</summary>
    public static string ModelsDirectory
    {
        get
        {
            string models = Path.Combine(Checkout.FirmwareConfig, "models");
            Assert.True(File.Exists(Path.Combine(models, "pancreas-ref", "manifest.json")),
                $"the reference model package is missing from {models}/pancreas-ref (build it with firmware-config/models/pancreas-ref/train/train.sh)");
            return models;
        }
    }

    /// <summary>
    /// Settings that screen with one inference thread and a copy of <c>pancreas-ref</c> (under <paramref name="root"/>)
    /// whose stage 2 averages all eight mirror images of every window, and whose windows overlap by three quarters:
    /// settings real packages use, here to make the same networks do about sixteen times the work. A test that must act
    /// while a screening runs then has seconds to do it (about 5 s here), where the reference settings' half second can
    /// fall entirely between a loaded build machine's status polls. The suspicious phantom stays suspicious (p 1.000).
    /// </summary>
    public static Action<Dictionary<string, string?>> SlowScreening(string root)
    {
        string source = Path.Combine(ModelsDirectory, "pancreas-ref");
        string target = Directory.CreateDirectory(Path.Combine(root, "pancreas-ref")).FullName;
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        string manifestPath = Path.Combine(target, "manifest.json");
        JsonNode manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        JsonNode window = manifest["network"]!["slidingWindow"]!;
        window["mirrorAxes"] = new JsonArray(0, 1, 2);
        window["overlap"] = 0.75;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return settings =>
        {
            settings["Inference:IntraOpThreads"] = "1";
            settings["Inference:ModelsDirectory"] = root;
        };
    }
}
