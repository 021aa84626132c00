using System.Buffers;
using System.Numerics.Tensors;
using Edge.Imaging.Geometry;

namespace Edge.Inference.Windowing;

/// <summary>
/// nnU-Net style sliding-window prediction: tiles cover the (padded) volume with the configured overlap and end flush
/// with its border; each tile is predicted for every mirror variant, un-mirrored, weighted by the Gaussian importance map
/// and accumulated; the sum is divided by the accumulated weights. Volumes smaller than the patch are padded centrally
/// (nnU-Net splits the padding as ⌊d/2⌋ before, the rest after) without copying: out-of-volume voxels are filled with the
/// pad value as patches are extracted. Outputs are raw logits averaged this way, as nnU-Net v2 does; the activation
/// follows once on the whole map.
/// </summary>
public sealed class SlidingWindowPredictor
{
    private readonly IPatchPredictor _network;
    private readonly double _overlap;
    private readonly int[] _variants;
    private readonly float[] _scaledWeights;
    private readonly float[] _row;
    private readonly (int Z, int Y, int X, int Variant)[] _slots;

    public SlidingWindowPredictor(IPatchPredictor network, double overlap, double sigmaScale, IReadOnlyList<int> mirrorAxes)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _overlap = overlap;
        _variants = MirrorVariants.For(mirrorAxes);
        Importance = new GaussianImportanceMap(network.PatchShape, sigmaScale);

        // Each variant contributes 1/variants of the tile's weight, so the mirrored predictions average.
        float share = 1f / _variants.Length;
        _scaledWeights = [.. Importance.Weights.Select(w => w * share)];
        _row = new float[network.PatchShape.Width];
        _slots = new (int, int, int, int)[network.BatchSize];
    }

    public GaussianImportanceMap Importance { get; }

    public int MirrorVariantCount => _variants.Length;

    /// <summary>How many patches (tiles × mirror variants) a volume of this shape needs.</summary>
    public int CountPatches(VolumeShape shape)
    {
        (int[] zs, int[] ys, int[] xs) = Tiles(shape, out _);
        return zs.Length * ys.Length * xs.Length * _variants.Length;
    }

    /// <param name="image">Input channels in C order [channel, z, y, x].</param>
    /// <param name="logits">Receives the blended output, C order [output channel, z, y, x].</param>
    /// <param name="progress">Receives the number of patches done after each batch.</param>
    public void Predict(ReadOnlySpan<float> image, VolumeShape shape, float padValue, Span<float> logits, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        int voxels = checked((int)shape.VoxelCount);
        if (image.Length != voxels * _network.InputChannels)
        {
            throw new ArgumentException($"image holds {image.Length} values; shape {shape} × {_network.InputChannels} channels needs {voxels * _network.InputChannels}", nameof(image));
        }

        if (logits.Length != voxels * _network.OutputChannels)
        {
            throw new ArgumentException($"logits holds {logits.Length} values; shape {shape} × {_network.OutputChannels} channels needs {voxels * _network.OutputChannels}", nameof(logits));
        }

        (int[] zs, int[] ys, int[] xs) = Tiles(shape, out (int Z, int Y, int X) before);
        float[] weightSum = ArrayPool<float>.Shared.Rent(voxels);
        try
        {
            Span<float> weights = weightSum.AsSpan(0, voxels);
            weights.Clear();
            logits.Clear();
            int filled = 0;
            int done = 0;
            foreach (int tz in zs)
            {
                foreach (int ty in ys)
                {
                    foreach (int tx in xs)
                    {
                        foreach (int variant in _variants)
                        {
                            var origin = (Z: tz - before.Z, Y: ty - before.Y, X: tx - before.X, Variant: variant);
                            Extract(image, shape, padValue, filled, origin);
                            _slots[filled++] = origin;
                            if (filled == _slots.Length)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                RunBatch(filled, shape, logits, weights);
                                done += filled;
                                filled = 0;
                                progress?.Report(done);
                            }
                        }
                    }
                }
            }

            if (filled > 0)
            {
                RunBatch(filled, shape, logits, weights);
                done += filled;
                progress?.Report(done);
            }

            for (int k = 0; k < _network.OutputChannels; k++)
            {
                Span<float> channel = logits.Slice(k * voxels, voxels);
                TensorPrimitives.Divide(channel, weights, channel);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(weightSum);
        }
    }

    private (int[] Z, int[] Y, int[] X) Tiles(VolumeShape shape, out (int Z, int Y, int X) before)
    {
        VolumeShape patch = _network.PatchShape;
        int pz = Math.Max(shape.Depth, patch.Depth), py = Math.Max(shape.Height, patch.Height), px = Math.Max(shape.Width, patch.Width);
        before = ((pz - shape.Depth) / 2, (py - shape.Height) / 2, (px - shape.Width) / 2);
        return (TileLayout.Starts(pz, patch.Depth, _overlap), TileLayout.Starts(py, patch.Height, _overlap), TileLayout.Starts(px, patch.Width, _overlap));
    }

    private void RunBatch(int filled, VolumeShape shape, Span<float> logits, Span<float> weights)
    {
        _network.Run();
        for (int slot = 0; slot < filled; slot++)
        {
            Accumulate(slot, _slots[slot], shape, logits, weights);
        }
    }

    private void Extract(ReadOnlySpan<float> image, VolumeShape shape, float padValue, int slot, (int Z, int Y, int X, int Variant) tile)
    {
        VolumeShape patch = _network.PatchShape;
        int patchVoxels = (int)patch.VoxelCount;
        int voxels = (int)shape.VoxelCount;
        bool flipZ = (tile.Variant & 1) != 0, flipY = (tile.Variant & 2) != 0, flipX = (tile.Variant & 4) != 0;
        int x0 = Math.Max(0, -tile.X), x1 = Math.Min(patch.Width, shape.Width - tile.X);
        for (int c = 0; c < _network.InputChannels; c++)
        {
            Span<float> destination = _network.InputBuffer.Slice(((slot * _network.InputChannels) + c) * patchVoxels, patchVoxels);
            ReadOnlySpan<float> source = image.Slice(c * voxels, voxels);
            for (int z = 0; z < patch.Depth; z++)
            {
                int sz = tile.Z + (flipZ ? patch.Depth - 1 - z : z);
                for (int y = 0; y < patch.Height; y++)
                {
                    Span<float> row = destination.Slice(((z * patch.Height) + y) * patch.Width, patch.Width);
                    int sy = tile.Y + (flipY ? patch.Height - 1 - y : y);
                    if (sz < 0 || sz >= shape.Depth || sy < 0 || sy >= shape.Height || x1 <= x0)
                    {
                        row.Fill(padValue);
                        continue;
                    }

                    row[..x0].Fill(padValue);
                    row[x1..].Fill(padValue);
                    source.Slice(((sz * shape.Height) + sy) * shape.Width + tile.X + x0, x1 - x0).CopyTo(row[x0..x1]);
                    if (flipX)
                    {
                        row.Reverse();
                    }
                }
            }
        }
    }

    private void Accumulate(int slot, (int Z, int Y, int X, int Variant) tile, VolumeShape shape, Span<float> logits, Span<float> weights)
    {
        VolumeShape patch = _network.PatchShape;
        int patchVoxels = (int)patch.VoxelCount;
        int voxels = (int)shape.VoxelCount;
        int channels = _network.OutputChannels;
        ReadOnlySpan<float> output = _network.OutputBuffer.Slice(slot * channels * patchVoxels, channels * patchVoxels);
        bool flipZ = (tile.Variant & 1) != 0, flipY = (tile.Variant & 2) != 0, flipX = (tile.Variant & 4) != 0;
        int x0 = Math.Max(0, -tile.X), x1 = Math.Min(patch.Width, shape.Width - tile.X);
        if (x1 <= x0)
        {
            return;
        }

        int width = x1 - x0;
        for (int z = 0; z < patch.Depth; z++)
        {
            int vz = tile.Z + z;
            if (vz < 0 || vz >= shape.Depth)
            {
                continue;
            }

            int sourcePlane = flipZ ? patch.Depth - 1 - z : z;
            for (int y = 0; y < patch.Height; y++)
            {
                int vy = tile.Y + y;
                if (vy < 0 || vy >= shape.Height)
                {
                    continue;
                }

                int sourceRow = flipY ? patch.Height - 1 - y : y;
                int weightOffset = (((z * patch.Height) + y) * patch.Width) + x0;
                int target = (((vz * shape.Height) + vy) * shape.Width) + tile.X + x0;
                ReadOnlySpan<float> rowWeights = _scaledWeights.AsSpan(weightOffset, width);
                for (int k = 0; k < channels; k++)
                {
                    ReadOnlySpan<float> row = output.Slice((k * patchVoxels) + (((sourcePlane * patch.Height) + sourceRow) * patch.Width), patch.Width);
                    if (flipX)
                    {
                        row.CopyTo(_row);
                        _row.AsSpan().Reverse();
                        row = _row;
                    }

                    Span<float> accumulator = logits.Slice((k * voxels) + target, width);
                    TensorPrimitives.MultiplyAdd(row.Slice(x0, width), rowWeights, accumulator, accumulator);
                }

                if (tile.Variant == 0)
                {
                    Span<float> weightRow = weights.Slice(target, width);
                    TensorPrimitives.Add(weightRow, Importance.Weights.AsSpan(weightOffset, width), weightRow);
                }
            }
        }
    }
}
