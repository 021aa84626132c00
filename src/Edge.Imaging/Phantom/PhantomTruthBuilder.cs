using Edge.Imaging.Geometry;

namespace Edge.Imaging.Phantom;

/// <summary>Sums the per-slice label tallies into the ground truth and converts anatomical positions to LPS.</summary>
internal static class PhantomTruthBuilder
{
    public static PhantomGroundTruth Build(PhantomScan scan, VolumeGeometry geometry, PhantomAnatomy anatomy, LesionSpec? lesion, SliceLabelStats[] stats)
    {
        long pancreas = 0, lesionVoxels = 0;
        double pancreasSum = 0, lesionSum = 0;
        int[] min = [int.MaxValue, int.MaxValue, int.MaxValue], max = [-1, -1, -1];
        for (int z = 0; z < stats.Length; z++)
        {
            SliceLabelStats s = stats[z];
            pancreas += s.Pancreas;
            lesionVoxels += s.Lesion;
            pancreasSum += s.PancreasHuSum;
            lesionSum += s.LesionHuSum;
            if (s.MaxRow < 0)
            {
                continue;
            }

            min = [Math.Min(min[0], z), Math.Min(min[1], s.MinRow), Math.Min(min[2], s.MinColumn)];
            max = [Math.Max(max[0], z), Math.Max(max[1], s.MaxRow), Math.Max(max[2], s.MaxColumn)];
        }

        double voxelMl = geometry.Spacing.Z * geometry.Spacing.Y * geometry.Spacing.X / 1000;
        bool any = max[0] >= 0;
        var tableShift = new Vector3D(0, 0, scan.TableOffsetMm);
        var truth = new PancreasTruth(
            pancreas + lesionVoxels,
            Round((pancreas + lesionVoxels) * voxelMl),
            any ? min : [],
            any ? max : [],
            any ? Lps(geometry.IndexToPatient(min[0], min[1], min[2])) : [],
            any ? Lps(geometry.IndexToPatient(max[0], max[1], max[2])) : [],
            CentrelineLps(anatomy, 1, tableShift),
            CentrelineLps(anatomy, 3, tableShift),
            CentrelineLps(anatomy, anatomy.Pancreas.ControlPoints.Count - 1, tableShift),
            pancreas > 0 ? Round(pancreasSum / pancreas) : null);

        LesionTruth? lesionTruth = null;
        if (lesion is not null)
        {
            Vector3D centre = lesion.Centre + tableShift;
            ContinuousIndex index = geometry.PatientToIndex(centre);
            lesionTruth = new LesionTruth(
                lesion.Site.ToString().ToLowerInvariant(),
                lesion.DiameterMm,
                lesion.ContrastHu,
                Lps(centre),
                [Round(index.Z), Round(index.Y), Round(index.X)],
                lesionVoxels,
                Round(lesionVoxels * voxelMl),
                lesionVoxels > 0 ? Round(lesionSum / lesionVoxels) : null);
        }

        return new PhantomGroundTruth
        {
            Seed = scan.Seed,
            Shape = geometry.Shape.ToArray(),
            Spacing = geometry.Spacing.ToArray(),
            Origin = Lps(geometry.Origin),
            Direction = geometry.Direction,
            SliceThicknessMm = scan.SliceThicknessMm,
            NoiseSigmaHu = Round(scan.NoiseSigmaHu),
            TissueHu = RoundAll(anatomy.Tissue),
            Pancreas = truth,
            Lesion = lesionTruth,
        };
    }

    private static double[] CentrelineLps(PhantomAnatomy anatomy, int index, Vector3D shift)
    {
        PancreasControlPoint p = anatomy.Pancreas.ControlPoints[index];
        return Lps(new Vector3D(p.X, p.Y, p.Z) + shift);
    }

    private static double[] Lps(Vector3D v) => [Round(v.X), Round(v.Y), Round(v.Z)];

    private static double Round(double v) => Math.Round(v, 3);

    private static TissueHu RoundAll(TissueHu t) => new(
        Math.Round(t.Fat, 1), Math.Round(t.Muscle, 1), Math.Round(t.Liver, 1), Math.Round(t.Spleen, 1), Math.Round(t.Kidney, 1),
        Math.Round(t.Pancreas, 1), Math.Round(t.Blood, 1), Math.Round(t.CorticalBone, 1), Math.Round(t.CancellousBone, 1),
        Math.Round(t.Bile, 1), Math.Round(t.BowelWall, 1), Math.Round(t.BowelFluid, 1));
}
