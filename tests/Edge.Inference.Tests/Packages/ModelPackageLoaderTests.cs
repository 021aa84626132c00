using System.Text.Json.Nodes;
using Edge.Inference.Packages;

namespace Edge.Inference.Tests.Packages;

public sealed class ModelPackageLoaderTests
{
    [Fact]
    public void Loads_a_package_whose_files_match_their_hashes()
    {
        using var temp = new TempDirectory();
        string directory = PackageBuilder.Write(temp.Path);
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "not listed");
        Directory.CreateDirectory(Path.Combine(directory, "train"));
        File.WriteAllText(Path.Combine(directory, "train", "train.py"), "print()");

        ModelPackage package = ModelPackageLoader.Load(directory);

        Assert.Equal("pancreas-test", package.Id);
        Assert.Equal(Path.Combine(directory, "stage2.onnx"), package.PathOf(package.Manifest.Network));
        Assert.Equal(ModelPackageLoader.ComputeSha256(Path.Combine(directory, "stage2.onnx")), package.Sha256Of(package.Manifest.Network));
        Assert.Equal(["notes.txt"], package.UnlistedFiles);
    }

    [Fact]
    public void A_tampered_file_is_refused_naming_the_file_and_both_hashes()
    {
        using var temp = new TempDirectory();
        string directory = PackageBuilder.Write(temp.Path);
        string expected = ModelPackageLoader.ComputeSha256(Path.Combine(directory, "stage2.onnx"));
        using (FileStream stream = File.OpenWrite(Path.Combine(directory, "stage2.onnx")))
        {
            stream.Position = 3;
            stream.WriteByte((byte)'X');
        }

        PackageIntegrityException ex = Assert.Throws<PackageIntegrityException>(() => ModelPackageLoader.Load(directory));

        Assert.Contains("stage2.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256 mismatch", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(ModelPackageLoader.ComputeSha256(Path.Combine(directory, "stage2.onnx")), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        using var temp = new TempDirectory();
        string directory = PackageBuilder.Write(temp.Path);
        File.Delete(Path.Combine(directory, "MODEL_CARD.md"));

        PackageIntegrityException ex = Assert.Throws<PackageIntegrityException>(() => ModelPackageLoader.Load(directory));

        Assert.Contains("MODEL_CARD.md", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_is_refused_even_when_its_target_matches()
    {
        using var temp = new TempDirectory();
        string directory = PackageBuilder.Write(temp.Path);
        string card = Path.Combine(directory, "MODEL_CARD.md");
        string outside = temp.File("card-elsewhere.md");
        File.Move(card, outside);
        File.CreateSymbolicLink(card, outside);

        PackageIntegrityException ex = Assert.Throws<PackageIntegrityException>(() => ModelPackageLoader.Load(directory));

        Assert.Contains("symbolic link", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_manifest_is_refused_with_its_field_paths()
    {
        using var temp = new TempDirectory();
        JsonObject manifest = SampleManifest.Node();
        manifest["network"]!["slidingWindow"]!["overlap"] = 2;
        string directory = PackageBuilder.Write(temp.Path, manifest);

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => ModelPackageLoader.Load(directory));

        Assert.Contains("$.network.slidingWindow.overlap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_reports_bad_packages_beside_good_ones()
    {
        using var temp = new TempDirectory();
        PackageBuilder.Write(temp.Path);
        JsonObject other = SampleManifest.Node();
        other["id"] = "tampered";
        string bad = PackageBuilder.Write(temp.Path, other);
        File.AppendAllText(Path.Combine(bad, "localizer.onnx"), "!");
        Directory.CreateDirectory(Path.Combine(temp.Path, "not-a-package"));

        IReadOnlyList<ModelCatalogEntry> entries = ModelCatalog.Discover(temp.Path);

        Assert.Equal(2, entries.Count);
        Assert.True(entries.Single(e => e.Directory.EndsWith("pancreas-test", StringComparison.Ordinal)).IsValid);
        ModelCatalogEntry refused = entries.Single(e => e.Directory.EndsWith("tampered", StringComparison.Ordinal));
        Assert.False(refused.IsValid);
        Assert.Contains("localizer.onnx", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_prefers_option_then_environment_then_checkout_then_installed()
    {
        using var temp = new TempDirectory();
        string checkout = temp.File("repo");
        Directory.CreateDirectory(Path.Combine(checkout, "firmware-config", "models"));
        Directory.CreateDirectory(Path.Combine(checkout, "src", "bin"));
        File.WriteAllText(Path.Combine(checkout, "Edge.sln"), string.Empty);
        string[] from = [Path.Combine(checkout, "src", "bin")];

        Assert.Equal("--models option", ModelDirectoryResolver.Resolve("/opt/models", "/env", from).Source);
        Assert.Equal("/env", ModelDirectoryResolver.Resolve(null, "/env", from).Path);
        ModelDirectory dev = ModelDirectoryResolver.Resolve(null, null, from);
        Assert.Equal(Path.Combine(checkout, "firmware-config", "models"), dev.Path);
        Assert.Equal(ModelDirectoryResolver.InstalledDirectory, ModelDirectoryResolver.Resolve(null, null, [temp.File("elsewhere")]).Path);
    }
}
