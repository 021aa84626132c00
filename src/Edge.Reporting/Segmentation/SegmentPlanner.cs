using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;
using Edge.Reporting.Dicom;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Segmentation;

/// <summary>
/// Turns a label map on the source grid into segments: one per organ label that has voxels, then one per reported
/// finding. A finding's segment is the connected component of its label that contains its centroid (or, for a
/// crescent-shaped finding whose centroid falls outside it, the component nearest to it). Components no finding was
/// reported for (smaller than the model's minimum volume) are not segments: the SEG shows what the SR reports.
/// </summary>
internal static class SegmentPlanner
{
    /// <summary>Segment numbers live in a byte map; 255 segments is far beyond any plausible count of findings in a series.</summary>
    public const int MaxSegments = byte.MaxValue;

    private static readonly (byte R, byte G, byte B) OrganColor = (0, 200, 120);
    private static readonly (byte R, byte G, byte B) FindingColor = (255, 214, 0);

    public static SegmentPlan Plan(LabelVolume labels, AlgorithmDescription algorithm, IReadOnlyList<TrackedFinding> findings, ResultUids uids)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(findings);
        var map = new byte[labels.Labels.Length];
        var segments = new List<SegmentDefinition>();
        // An organ label without a type code cannot be a segment (Segmented Property Type is type 1); the manifest
        // parser requires codes for findings only.
        foreach (OutputLabel organ in algorithm.Labels.Where(l => l.Role == LabelRole.Organ && l.Type is not null))
        {
            if (segments.Count >= MaxSegments || !Assign(labels.Labels, (byte)organ.Value, map, (byte)(segments.Count + 1)))
            {
                continue;
            }

            segments.Add(new SegmentDefinition
            {
                Number = segments.Count + 1,
                Label = Capitalize(organ.Name),
                Category = organ.Category ?? ReportingCodes.AnatomicalStructure,
                Type = organ.Type!,
                AnatomicRegion = organ.AnatomicRegion,
                TrackingId = Capitalize(organ.Name),
                TrackingUid = uids.For("segment/" + organ.Name),
                IsFinding = false,
                Color = OrganColor,
            });
        }

        foreach (OutputLabel label in algorithm.Labels.Where(l => l.Role == LabelRole.Finding))
        {
            TrackedFinding[] ofLabel = [.. findings.Where(f => f.Finding.Label == label.Name)];
            if (ofLabel.Length == 0)
            {
                continue;
            }

            Part[] parts = [.. ConnectedComponents.Find(labels.Labels, labels.Shape, (byte)label.Value, algorithm.Connectivity)
                .Select(c => Part.Of(c, labels.Geometry))];
            var segmentOfPart = new Dictionary<Part, int>();
            foreach (TrackedFinding tracked in ofLabel)
            {
                if (Match(parts, tracked.Finding.CentroidLps, labels.Geometry) is not { } part)
                {
                    continue;
                }

                if (!segmentOfPart.TryGetValue(part, out int number))
                {
                    if (segments.Count >= MaxSegments)
                    {
                        continue;
                    }

                    number = segments.Count + 1;
                    foreach (int voxel in part.Voxels)
                    {
                        map[voxel] = (byte)number;
                    }

                    segmentOfPart[part] = number;
                    segments.Add(new SegmentDefinition
                    {
                        Number = number,
                        Label = tracked.TrackingId,
                        Category = label.Category ?? ReportingCodes.MorphologicallyAlteredStructure,
                        Type = tracked.Finding.Type ?? label.Type ?? ReportingCodes.Lesion,
                        AnatomicRegion = label.AnatomicRegion,
                        TrackingId = tracked.TrackingId,
                        TrackingUid = tracked.TrackingUid,
                        IsFinding = true,
                        Color = FindingColor,
                    });
                }

                tracked.SegmentNumber = number;
            }
        }

        return new SegmentPlan(new LabelVolume(labels.Geometry, map), segments);
    }

    private static bool Assign(byte[] labels, byte value, byte[] map, byte segment)
    {
        bool any = false;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == value)
            {
                map[i] = segment;
                any = true;
            }
        }

        return any;
    }

    private static Part? Match(Part[] parts, Vector3D centroid, VolumeGeometry geometry)
    {
        (int z, int y, int x) = geometry.PatientToIndex(centroid).Round();
        if ((uint)z < (uint)geometry.Depth && (uint)y < (uint)geometry.Height && (uint)x < (uint)geometry.Width)
        {
            int voxel = (((z * geometry.Height) + y) * geometry.Width) + x;
            foreach (Part part in parts)
            {
                if (part.Contains(voxel))
                {
                    return part;
                }
            }
        }

        return parts.Length == 0 ? null : parts.MinBy(p => (p.Centroid - centroid).Length);
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>A component with its voxels sorted (for membership tests) and its centroid in LPS.</summary>
    private sealed class Part
    {
        private Part(int[] voxels, Vector3D centroid)
        {
            Voxels = voxels;
            Centroid = centroid;
        }

        public int[] Voxels { get; }

        public Vector3D Centroid { get; }

        public static Part Of(Component component, VolumeGeometry geometry)
        {
            int[] voxels = [.. component.Voxels];
            Array.Sort(voxels);
            double z = 0, y = 0, x = 0;
            int plane = geometry.Height * geometry.Width;
            foreach (int voxel in voxels)
            {
                z += voxel / plane;
                y += voxel % plane / geometry.Width;
                x += voxel % geometry.Width;
            }

            int n = Math.Max(voxels.Length, 1);
            return new Part(voxels, geometry.IndexToPatient(z / n, y / n, x / n));
        }

        public bool Contains(int voxel) => Array.BinarySearch(Voxels, voxel) >= 0;
    }
}
