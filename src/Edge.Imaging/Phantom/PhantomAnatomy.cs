namespace Edge.Imaging.Phantom;

/// <summary>
/// One seeded patient: every organ's place, size and HU, in anatomical LPS millimetres where z = 0 is about the
/// level of the pancreatic body (L1–L2). <see cref="Structures"/> is the paint order; later structures win.
/// </summary>
internal sealed partial class PhantomAnatomy
{
    private PhantomAnatomy(TissueHu tissue, BodyStructure body, PancreasModel pancreas, IReadOnlyList<IPhantomStructure> structures)
    {
        Tissue = tissue;
        Body = body;
        Pancreas = pancreas;
        Structures = structures;
    }

    public TissueHu Tissue { get; }

    public BodyStructure Body { get; }

    public PancreasModel Pancreas { get; }

    public PancreaticLesion? Lesion { get; private set; }

    public IReadOnlyList<IPhantomStructure> Structures { get; private set; }

    /// <summary>The body's full width in mm, so a default field of view can include it.</summary>
    public double BodyWidthMm => 2 * Body.HalfWidth * (1 + Body.WaistVariation);

    /// <summary>The x at which a lesion of this site is centred (seeded within the site).</summary>
    public double SiteX(PancreasSite site, PhantomRandom random)
    {
        IReadOnlyList<PancreasControlPoint> p = Pancreas.ControlPoints;
        return site switch
        {
            PancreasSite.Head => p[1].X + random.Around(0, 4),
            PancreasSite.Body => p[3].X + random.Around(0, 8),
            _ => p[^1].X - random.Uniform(12, 24),
        };
    }

    /// <summary>Adds the lesion, painted right after the pancreas so it may push beyond the gland.</summary>
    public void AddLesion(PancreaticLesion lesion)
    {
        Lesion = lesion;
        var list = new List<IPhantomStructure>(Structures);
        list.Insert(list.IndexOf(Pancreas) + 1, lesion);
        Structures = list;
    }

    public static PhantomAnatomy Create(PhantomRandom random)
    {
        TissueHu tissue = DrawTissue(random);
        BodyStructure body = DrawBody(random, tissue);
        (double cavityA, double cavityB) = body.CavityAt(0);
        var structures = new List<IPhantomStructure> { body };

        // Spine placed from the back: the spinous process tip lies 5–15 mm inside the back fat.
        double vertebraRy = random.Uniform(16, 19), vertebraRx = random.Uniform(21, 25);
        double spineCy = body.BackY - body.BackFatMm - random.Uniform(68, 78);
        var spine = new SpineStructure
        {
            BodyCy = spineCy,
            BodyRx = vertebraRx,
            BodyRy = vertebraRy,
            PeriodMm = random.Uniform(32, 37),
            DiscMm = random.Uniform(7, 10),
            Phase = random.Uniform(0, 35),
            CorticalHu = (float)tissue.CorticalBone,
            CancellousHu = (float)tissue.CancellousBone,
        };

        Vessels vessels = DrawVessels(random, tissue, spineCy, vertebraRy);
        AddBowel(structures, random, tissue, cavityA, cavityB, spineCy);
        AddRetroperitoneum(structures, random, tissue, spine, cavityA);
        AddUpperAbdomen(structures, random, tissue, cavityA, cavityB, spineCy);
        vessels.AddTo(structures);

        PancreasModel pancreas = DrawPancreas(random, tissue, vessels);
        AddDuodenum(structures, random, tissue, pancreas, vessels);
        structures.Add(pancreas);
        structures.Add(new BodyWallStructure(body));
        AddParaspinalMuscles(structures, tissue, spine);
        structures.Add(spine);
        structures.Add(DrawRibs(random, body, tissue));
        return new PhantomAnatomy(tissue, body, pancreas, structures);
    }

    private static TissueHu DrawTissue(PhantomRandom r)
    {
        double fat = r.Uniform(-110, -90);
        return new TissueHu(
            Fat: fat,
            Muscle: r.Uniform(45, 58),
            Liver: r.Uniform(54, 66),
            Spleen: r.Uniform(44, 50),
            Kidney: r.Uniform(28, 35),
            Pancreas: r.Uniform(40, 50),
            Blood: r.Uniform(35, 45),
            CorticalBone: r.Uniform(700, 1100),
            CancellousBone: r.Uniform(180, 280),
            Bile: r.Uniform(5, 20),
            BowelWall: r.Uniform(35, 45),
            BowelFluid: r.Uniform(0, 20));
    }

    // The cavity is drawn on its own and fat is added outside it, so a heavier patient keeps room for the viscera.
    private static BodyStructure DrawBody(PhantomRandom r, TissueHu tissue)
    {
        double habitus = r.Uniform(0, 1);
        double cavityA = r.Uniform(108, 125) + (habitus * 10), cavityB = r.Uniform(88, 100) + (habitus * 12);
        double fatLateral = 6 + (habitus * 30) + r.Uniform(0, 5), fatAnterior = 6 + (habitus * 32) + r.Uniform(0, 5);
        double muscle = r.Uniform(8, 14);
        const double Skin = 2;
        return new BodyStructure
        {
            HalfWidth = cavityA + muscle + fatLateral + Skin,
            HalfDepth = cavityB + muscle + fatAnterior + Skin,
            Cy = r.Uniform(-5, 10),
            WaistVariation = r.Uniform(0, 0.05),
            WaistPhase = r.Angle(),
            SkinMm = Skin,
            FatLateralMm = fatLateral,
            FatAnteriorMm = fatAnterior,
            MuscleMm = muscle,
            SkinHu = (float)r.Uniform(10, 40),
            FatHu = (float)tissue.Fat,
            MuscleHu = (float)tissue.Muscle,
            VisceralFatHu = (float)(tissue.Fat + r.Uniform(0, 10)),
        };
    }

    private static PancreasModel DrawPancreas(PhantomRandom r, TissueHu tissue, Vessels v)
    {
        double headX = -r.Uniform(40, 52), headRy = r.Uniform(13, 16), headRz = r.Uniform(18, 24);
        double headY = v.IvcY - 9 - 2 - headRy, headZ = -r.Uniform(10, 20);
        double neckY = v.SmvY - 5.5 - 3 - 7;
        double bodyRy = r.Uniform(8, 11), bodyX = v.AortaX + r.Uniform(5, 15), bodyZ = r.Uniform(0, 8);
        double bodyY = v.SmaY - 4 - 3 - bodyRy;
        double tailX = r.Uniform(70, 85), tailY = v.AortaY - r.Uniform(0, 6), tailZ = r.Uniform(10, 25);
        PancreasControlPoint[] points =
        [
            new(headX - 18, headY + 2, headZ - 5, 10, 17),
            new(headX, headY, headZ, headRy, headRz),
            new(v.SmvX, neckY, r.Uniform(-3, 3), 7, 9),
            new(bodyX, bodyY, bodyZ, bodyRy, r.Uniform(10, 13)),
            new((bodyX + tailX) / 2 + 5, (bodyY + tailY) / 2, ((bodyZ + tailZ) / 2) + 2, 8.5, 10),
            new(tailX, tailY, tailZ, 7.5, 9),
        ];
        var lobulation = new PancreasLobulation(
            r.Uniform(0.07, 0.12), r.Uniform(18, 30), r.Angle(),
            r.Uniform(0.05, 0.09), r.Uniform(12, 20), r.Angle(),
            r.Uniform(0.04, 0.08), r.Uniform(25, 40), r.Angle());
        return new PancreasModel(points, lobulation, (float)tissue.Pancreas);
    }

    private static RibCageStructure DrawRibs(PhantomRandom r, BodyStructure body, TissueHu tissue)
    {
        // Twelfth rib's posterior end about 20–40 mm below the pancreas level, ribs ~26 mm apart at the back.
        double lowest = -r.Uniform(20, 40), step = r.Uniform(24, 28);
        var heights = new double[9];
        var minSines = new double[9];
        for (int k = 0; k < heights.Length; k++)
        {
            heights[k] = lowest + (k * step);

            // Floating ribs (11, 12) stop laterally; the lower costal margin reaches further forward each rib up.
            minSines[k] = k switch { 0 => 0.35, 1 => 0.0, 2 => -0.45, _ => -1.0 };
        }

        return new RibCageStructure(body, heights, minSines, r.Uniform(55, 75), (float)tissue.CorticalBone * 0.7f, (float)tissue.CancellousBone);
    }
}
