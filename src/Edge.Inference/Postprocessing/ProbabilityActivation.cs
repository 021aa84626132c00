using System.Buffers;
using System.Numerics.Tensors;
using Edge.Inference.Packages;

namespace Edge.Inference.Postprocessing;

/// <summary>Turns blended logits, laid out [channel, voxel], into probabilities in place (vectorised per channel plane).</summary>
public static class ProbabilityActivation
{
    public static void Apply(Span<float> maps, int channels, int voxels, Activation activation)
    {
        if (maps.Length != channels * voxels)
        {
            throw new ArgumentException($"maps hold {maps.Length} values, not {channels} × {voxels}", nameof(maps));
        }

        if (activation == Activation.Sigmoid)
        {
            TensorPrimitives.Sigmoid(maps, maps);
            return;
        }

        // Softmax across channels, stabilised by subtracting the per-voxel maximum.
        float[] rented = ArrayPool<float>.Shared.Rent(voxels * 2);
        try
        {
            Span<float> max = rented.AsSpan(0, voxels);
            Span<float> sum = rented.AsSpan(voxels, voxels);
            maps[..voxels].CopyTo(max);
            for (int k = 1; k < channels; k++)
            {
                TensorPrimitives.Max(max, maps.Slice(k * voxels, voxels), max);
            }

            sum.Clear();
            for (int k = 0; k < channels; k++)
            {
                Span<float> plane = maps.Slice(k * voxels, voxels);
                TensorPrimitives.Subtract(plane, max, plane);
                TensorPrimitives.Exp(plane, plane);
                TensorPrimitives.Add(sum, plane, sum);
            }

            for (int k = 0; k < channels; k++)
            {
                Span<float> plane = maps.Slice(k * voxels, voxels);
                TensorPrimitives.Divide(plane, sum, plane);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
