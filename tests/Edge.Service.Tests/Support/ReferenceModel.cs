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
}
