using Edge.Inference.Packages;

namespace Edge.Inference.Postprocessing;

/// <summary>
/// Probabilities [channel, voxel] → a byte label map: softmax takes the most probable channel; sigmoid the most probable
/// channel above 0.5, else background (0). Channels map to label values through the manifest's labels.
/// </summary>
public static class LabelMapBuilder
{
    public static byte[] Build(ReadOnlySpan<float> probabilities, int channels, int voxels, Activation activation, IReadOnlyList<OutputLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var values = new byte[channels];
        foreach (OutputLabel label in labels)
        {
            if (label.Channel < channels)
            {
                values[label.Channel] = (byte)label.Value;
            }
        }

        var map = new byte[voxels];
        float floor = activation == Activation.Sigmoid ? 0.5f : float.NegativeInfinity;
        for (int v = 0; v < voxels; v++)
        {
            int best = -1;
            float bestValue = floor;
            for (int k = 0; k < channels; k++)
            {
                float p = probabilities[(k * voxels) + v];
                if (p > bestValue)
                {
                    best = k;
                    bestValue = p;
                }
            }

            map[v] = best < 0 ? (byte)0 : values[best];
        }

        return map;
    }
}
