using Edge.Inference.Execution;
using Edge.Inference.Packages;

namespace Edge.Inference.Tests.ReferenceModel;

public sealed class ModelSessionCacheTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Fact]
    public void Each_network_gets_one_session_reused_for_every_scan()
    {
        ModelManifest manifest = model.Package.Manifest;
        ModelSession stage2 = model.Sessions.Get(model.Package, manifest.Network);
        ModelSession again = model.Sessions.Get(model.Package, manifest.Network);
        ModelSession localizer = model.Sessions.Get(model.Package, manifest.Cascade!.Localizer);

        Assert.Same(stage2, again);
        Assert.NotSame(stage2, localizer);
        Assert.Equal(ExecutionProviderKind.Cpu, stage2.Providers.Primary);
        Assert.Equal(manifest.Network.SlidingWindow.MirrorAxes.Length == 0 ? 1 : 1 << manifest.Network.SlidingWindow.MirrorAxes.Length, stage2.Window.MirrorVariantCount);
        stage2.WarmUp();
    }

    [Fact]
    public void A_network_whose_signature_contradicts_its_manifest_is_refused()
    {
        NetworkSpec network = model.Package.Manifest.Network;
        NetworkSpec wrong = network with { Output = network.Output with { Channels = network.Output.Channels + 1 } };
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(model.Package.PathOf(network), options);

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => OrtPatchPredictor.CheckSignature(session, wrong));

        Assert.Contains("output 'logits'", ex.Message, StringComparison.Ordinal);
    }
}
