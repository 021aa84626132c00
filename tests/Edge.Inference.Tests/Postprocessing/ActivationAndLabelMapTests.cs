using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;

namespace Edge.Inference.Tests.Postprocessing;

public sealed class ActivationAndLabelMapTests
{
    private static readonly OutputLabel[] Labels =
    [
        new() { Channel = 0, Value = 0, Name = "background", Role = LabelRole.Background },
        new() { Channel = 1, Value = 1, Name = "pancreas", Role = LabelRole.Organ },
        new() { Channel = 2, Value = 7, Name = "lesion", Role = LabelRole.Finding, Type = new CodedConcept("SCT", "52988006", "Lesion") },
    ];

    [Fact]
    public void Softmax_matches_the_formula_and_sums_to_one_per_voxel()
    {
        const int voxels = 37;
        var random = new Random(5);
        float[] logits = [.. Enumerable.Range(0, 3 * voxels).Select(_ => (float)((random.NextDouble() * 40) - 20))];
        float[] maps = [.. logits];

        ProbabilityActivation.Apply(maps, 3, voxels, Activation.Softmax);

        for (int v = 0; v < voxels; v++)
        {
            double denominator = Enumerable.Range(0, 3).Sum(k => Math.Exp(logits[(k * voxels) + v]));
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(Math.Exp(logits[(k * voxels) + v]) / denominator, maps[(k * voxels) + v], 5);
            }
        }
    }

    [Fact]
    public void Argmax_maps_channels_to_label_values()
    {
        // voxel 0 → background, 1 → pancreas, 2 → lesion (value 7)
        float[] probabilities = [0.8f, 0.1f, 0.1f, 0.1f, 0.7f, 0.2f, 0.1f, 0.2f, 0.7f];
        byte[] map = LabelMapBuilder.Build(Transpose(probabilities, 3, 3), 3, 3, Activation.Softmax, Labels);
        Assert.Equal([0, 1, 7], map);
    }

    [Fact]
    public void Sigmoid_labels_need_a_channel_above_one_half()
    {
        OutputLabel[] labels = [new() { Channel = 0, Value = 1, Name = "a", Role = LabelRole.Organ }, new() { Channel = 1, Value = 2, Name = "b", Role = LabelRole.Finding }];
        float[] logits = [-3f, 2f, 0.5f, -1f, -2f, 3f];   // channel planes [a: v0 v1 v2], [b: v0 v1 v2]
        ProbabilityActivation.Apply(logits, 2, 3, Activation.Sigmoid);
        byte[] map = LabelMapBuilder.Build(logits, 2, 3, Activation.Sigmoid, labels);
        Assert.Equal([0, 1, 2], map);
    }

    // Voxel-major test data → channel-major planes.
    private static float[] Transpose(float[] voxelMajor, int voxels, int channels)
    {
        var planes = new float[voxelMajor.Length];
        for (int v = 0; v < voxels; v++)
        {
            for (int k = 0; k < channels; k++)
            {
                planes[(k * voxels) + v] = voxelMajor[(v * channels) + k];
            }
        }

        return planes;
    }
}
