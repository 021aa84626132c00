using Edge.Imaging.Geometry;

namespace Edge.Inference.Postprocessing;

/// <summary>3D connected-component labelling of one label value by breadth-first flood fill (6-, 18- or 26-connected).</summary>
public static class ConnectedComponents
{
    /// <returns>Components ordered by size, largest first.</returns>
    public static IReadOnlyList<Component> Find(ReadOnlySpan<byte> labelMap, VolumeShape shape, byte value, int connectivity)
    {
        if (labelMap.Length != shape.VoxelCount)
        {
            throw new ArgumentException($"label map holds {labelMap.Length} voxels, shape {shape} needs {shape.VoxelCount}", nameof(labelMap));
        }

        (int Dz, int Dy, int Dx)[] offsets = Neighbourhood(connectivity);
        var visited = new bool[labelMap.Length];
        var queue = new List<int>();
        var components = new List<Component>();
        int plane = shape.SliceLength;
        for (int seed = 0; seed < labelMap.Length; seed++)
        {
            if (labelMap[seed] != value || visited[seed])
            {
                continue;
            }

            queue.Clear();
            queue.Add(seed);
            visited[seed] = true;
            for (int head = 0; head < queue.Count; head++)
            {
                int index = queue[head];
                int z = index / plane, y = index % plane / shape.Width, x = index % shape.Width;
                foreach ((int dz, int dy, int dx) in offsets)
                {
                    int nz = z + dz, ny = y + dy, nx = x + dx;
                    if ((uint)nz >= (uint)shape.Depth || (uint)ny >= (uint)shape.Height || (uint)nx >= (uint)shape.Width)
                    {
                        continue;
                    }

                    int neighbour = (nz * plane) + (ny * shape.Width) + nx;
                    if (!visited[neighbour] && labelMap[neighbour] == value)
                    {
                        visited[neighbour] = true;
                        queue.Add(neighbour);
                    }
                }
            }

            components.Add(new Component([.. queue]));
        }

        components.Sort((a, b) => b.VoxelCount.CompareTo(a.VoxelCount));
        return components;
    }

    /// <summary>Relabels every component of <paramref name="value"/> but the largest as background (0).</summary>
    public static void KeepLargest(Span<byte> labelMap, VolumeShape shape, byte value, int connectivity)
    {
        IReadOnlyList<Component> components = Find(labelMap, shape, value, connectivity);
        for (int i = 1; i < components.Count; i++)
        {
            foreach (int voxel in components[i].Voxels)
            {
                labelMap[voxel] = 0;
            }
        }
    }

    internal static (int Dz, int Dy, int Dx)[] Neighbourhood(int connectivity)
    {
        if (connectivity is not (6 or 18 or 26))
        {
            throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "connectivity must be 6, 18 or 26");
        }

        var offsets = new List<(int, int, int)>();
        for (int dz = -1; dz <= 1; dz++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    int manhattan = Math.Abs(dz) + Math.Abs(dy) + Math.Abs(dx);
                    bool include = manhattan switch
                    {
                        0 => false,
                        1 => true,
                        2 => connectivity >= 18,
                        _ => connectivity == 26,
                    };
                    if (include)
                    {
                        offsets.Add((dz, dy, dx));
                    }
                }
            }
        }

        return [.. offsets];
    }
}
