namespace Edge.Imaging.Phantom;

/// <summary>The organs, vessels and bowel of <see cref="PhantomAnatomy"/>, each placed relative to the body and spine.</summary>
internal sealed partial class PhantomAnatomy
{
    private static void AddParaspinalMuscles(List<IPhantomStructure> structures, TissueHu tissue, SpineStructure spine)
    {
        foreach (int side in new[] { -1, 1 })
        {
            var shape = new TubeShape
            {
                ZMin = -1000, ZMax = 1000, CapMm = 1,
                Cx = side * (spine.BodyRx + 8), Cy = spine.CanalCy + 14, Rx = 22, Ry = 20,
            };
            structures.Add(new SolidStructure(shape, (float)tissue.Muscle));
        }
    }

    private static void AddRetroperitoneum(List<IPhantomStructure> structures, PhantomRandom r, TissueHu tissue, SpineStructure spine, double cavityA)
    {
        // Psoas muscles appear below the diaphragmatic crura and thicken toward the pelvis.
        foreach (int side in new[] { -1, 1 })
        {
            var psoas = new EllipsoidShape
            {
                Cx = side * (spine.BodyRx + 14), Cy = spine.BodyCy + 4, Cz = -180,
                Rx = r.Uniform(20, 26), Ry = r.Uniform(17, 21), RzUp = r.Uniform(190, 210), RzDown = 200,
                DriftX = side * -0.12, DriftY = 0.1, Exponent = 3,
            };
            structures.Add(new SolidStructure(psoas, (float)tissue.Muscle));
        }

        // Kidneys: the right one lower (under the liver); lower poles more lateral and anterior.
        foreach (int side in new[] { -1, 1 })
        {
            double cz = (side < 0 ? -r.Uniform(10, 25) : -r.Uniform(0, 10)) + 5;
            double cx = side * Math.Min(r.Uniform(62, 72), cavityA - 32), cy = spine.BodyCy + r.Uniform(2, 10);
            var harmonics = BoundaryHarmonics.Random(r, 0.06);
            var kidney = new EllipsoidShape
            {
                Cx = cx, Cy = cy, Cz = cz, Rx = r.Uniform(24, 29), Ry = r.Uniform(22, 26),
                RzUp = r.Uniform(50, 58), RzDown = r.Uniform(50, 58), DriftX = side * -0.25, DriftY = 0.15, Harmonics = harmonics,
            };
            var sinus = new EllipsoidShape
            {
                Cx = cx - (side * 10), Cy = cy - 4, Cz = cz, Rx = 8, Ry = 10, RzUp = 28, RzDown = 28, DriftX = side * -0.25, DriftY = 0.15,
            };
            structures.Add(new SolidStructure(kidney, (float)tissue.Kidney));
            structures.Add(new SolidStructure(sinus, (float)(tissue.Fat + 50)));
        }
    }

    private static void AddUpperAbdomen(List<IPhantomStructure> structures, PhantomRandom r, TissueHu tissue, double cavityA, double cavityB, double spineCy)
    {
        var stomach = new EllipsoidShape
        {
            Cx = r.Uniform(35, 55), Cy = r.Uniform(-55, -35), Cz = r.Uniform(65, 85),
            Rx = r.Uniform(40, 52), Ry = r.Uniform(30, 42), RzUp = 55, RzDown = r.Uniform(38, 50),
            DriftX = -0.2, Harmonics = BoundaryHarmonics.Random(r, 0.1),
        };
        structures.Add(new HollowStructure(stomach, (float)tissue.BowelWall, 4, BowelContent.GasFluid, (float)tissue.BowelFluid, r.Uniform(0.15, 0.45)));

        // Right lobe reaches from the lateral wall across the midline high up, tapering to a lateral tip below.
        double liverRx = r.Uniform(68, 80);
        var rightLobe = new EllipsoidShape
        {
            Cx = -cavityA + 3 + liverRx, Cy = r.Uniform(-15, 5), Cz = r.Uniform(85, 100),
            Rx = liverRx, Ry = r.Uniform(78, 92), RzUp = 80, RzDown = r.Uniform(88, 108),
            DriftX = 0.65, DriftY = -0.1, Harmonics = BoundaryHarmonics.Random(r, 0.07),
        };
        var leftLobe = new EllipsoidShape
        {
            Cx = r.Uniform(0, 15), Cy = -cavityB + r.Uniform(28, 38), Cz = rightLobe.Cz - 10,
            Rx = r.Uniform(45, 60), Ry = r.Uniform(24, 30), RzUp = 45, RzDown = r.Uniform(40, 55),
            Harmonics = BoundaryHarmonics.Random(r, 0.08),
        };
        structures.Add(new SolidStructure(rightLobe, (float)tissue.Liver));
        structures.Add(new SolidStructure(leftLobe, (float)tissue.Liver));

        var gallbladder = new EllipsoidShape
        {
            Cx = -r.Uniform(38, 52), Cy = -cavityB + r.Uniform(35, 50), Cz = r.Uniform(15, 30),
            Rx = r.Uniform(12, 16), Ry = r.Uniform(14, 19), RzUp = 32, RzDown = 30, DriftY = 0.2,
        };
        structures.Add(new SolidStructure(gallbladder, (float)tissue.Bile));

        var spleen = new EllipsoidShape
        {
            Cx = cavityA - r.Uniform(20, 30), Cy = spineCy + r.Uniform(20, 35), Cz = r.Uniform(55, 75),
            Rx = r.Uniform(24, 32), Ry = r.Uniform(45, 58), RzUp = 50, RzDown = r.Uniform(45, 55),
            DriftX = 0.1, Harmonics = BoundaryHarmonics.Random(r, 0.12),
        };
        structures.Add(new SolidStructure(spleen, (float)tissue.Spleen));
    }

    private static void AddDuodenum(List<IPhantomStructure> structures, PhantomRandom r, TissueHu tissue, PancreasModel pancreas, Vessels v)
    {
        PancreasControlPoint head = pancreas.ControlPoints[1];
        BowelContent content = r.Chance(0.4) ? BowelContent.GasFluid : BowelContent.Fluid;
        var descending = new TubeShape
        {
            ZMin = head.Z - 45, ZMax = head.Z + 30, Cx = pancreas.XMin - 10, Cy = head.Y + 4,
            Rx = r.Uniform(10, 13), Ry = r.Uniform(10, 13), CapMm = 12,
        };
        var horizontal = new EllipsoidShape
        {
            Cx = (pancreas.XMin + v.AortaX) / 2, Cy = v.AortaY - v.AortaRadius - 12, Cz = head.Z - 40,
            Rx = (v.AortaX - pancreas.XMin) / 2 + 12, Ry = 9, RzUp = 10, RzDown = 10,
        };
        structures.Add(new HollowStructure(descending, (float)tissue.BowelWall, 2.5, content, (float)tissue.BowelFluid, 0.3));
        structures.Add(new HollowStructure(horizontal, (float)tissue.BowelWall, 2.5, BowelContent.Fluid, (float)tissue.BowelFluid, 0));
    }

    private static void AddBowel(List<IPhantomStructure> structures, PhantomRandom r, TissueHu tissue, double cavityA, double cavityB, double spineCy)
    {
        float wall = (float)tissue.BowelWall, fluid = (float)tissue.BowelFluid;

        // Small-bowel loops: ileum low in the abdomen, jejunum up to the left of the pancreatic tail.
        int loops = r.Int(14, 24);
        for (int i = 0; i < loops; i++)
        {
            bool jejunum = i % 3 == 0;
            var loop = new EllipsoidShape
            {
                Cx = jejunum ? r.Uniform(20, cavityA - 30) : r.Uniform(-cavityA + 35, cavityA - 35),
                Cy = r.Uniform(-cavityB + 18, spineCy - 35),
                Cz = jejunum ? r.Uniform(-70, -15) : r.Uniform(-220, -40),
                Rx = r.Uniform(11, 28), Ry = r.Uniform(10, 22), RzUp = r.Uniform(12, 40), RzDown = r.Uniform(12, 40),
                Harmonics = BoundaryHarmonics.Random(r, 0.1),
            };
            BowelContent content = r.Pick(LoopContents);
            structures.Add(new HollowStructure(loop, wall, 2.5, content, fluid, r.Uniform(0.2, 0.6)));
        }

        // Transverse colon hanging in front, below the stomach.
        foreach (int side in new[] { -1, 1 })
        {
            var transverse = new EllipsoidShape
            {
                Cx = side * r.Uniform(25, 45), Cy = -cavityB + r.Uniform(20, 30), Cz = r.Uniform(-45, 5),
                Rx = r.Uniform(45, 65), Ry = r.Uniform(16, 22), RzUp = r.Uniform(16, 22), RzDown = r.Uniform(16, 22),
                Harmonics = BoundaryHarmonics.Random(r, 0.08),
            };
            structures.Add(new HollowStructure(transverse, wall, 3, r.Chance(0.5) ? BowelContent.Stool : BowelContent.GasFluid, fluid, r.Uniform(0.3, 0.7)));
        }

        // Ascending (right) and descending (left) colon in the flanks, with haustra.
        foreach (int side in new[] { -1, 1 })
        {
            var colon = new TubeShape
            {
                ZMin = -300, ZMax = side < 0 ? r.Uniform(-10, 15) : r.Uniform(35, 65),
                Cx = side * (cavityA - r.Uniform(22, 30)), Cy = r.Uniform(-15, 20),
                Rx = side < 0 ? r.Uniform(18, 24) : r.Uniform(14, 19), Ry = r.Uniform(15, 20),
                MeanderMm = r.Uniform(3, 8), MeanderPeriodMm = r.Uniform(80, 140), MeanderPhase = r.Angle(),
                Pulse = r.Uniform(0.08, 0.16), PulsePeriodMm = r.Uniform(25, 40), CapMm = 18,
                Harmonics = BoundaryHarmonics.Random(r, 0.06),
            };
            structures.Add(new HollowStructure(colon, wall, 3, r.Chance(0.6) ? BowelContent.Stool : BowelContent.GasFluid, fluid, r.Uniform(0.3, 0.6)));
        }
    }

    private static readonly BowelContent[] LoopContents =
        [BowelContent.Fluid, BowelContent.Fluid, BowelContent.GasFluid, BowelContent.GasFluid, BowelContent.Gas];

    private static Vessels DrawVessels(PhantomRandom r, TissueHu tissue, double spineCy, double vertebraRy)
    {
        double aortaR = r.Uniform(10, 13), aortaX = r.Uniform(8, 16);
        double aortaY = spineCy - vertebraRy - 3 - aortaR;
        double ivcX = -r.Uniform(20, 28), ivcY = spineCy - vertebraRy - 2 - 9;
        double smaTop = r.Uniform(18, 30), smaY = aortaY - aortaR - 8;
        double smaX = aortaX - 4;
        return new Vessels(tissue, aortaX, aortaY, aortaR, ivcX, ivcY, smaX, smaY, smaTop, smaX - 12, smaY - 2);
    }
}
