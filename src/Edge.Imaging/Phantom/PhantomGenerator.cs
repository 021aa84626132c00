using Edge.Imaging.Geometry;

namespace Edge.Imaging.Phantom;

/// <summary>
/// Generates a non-contrast abdominal CT phantom with a pancreas and an optional pancreatic lesion. Slices render in
/// parallel; each slice's noise is seeded by (seed, slice), so the result does not depend on the thread count.
/// </summary>
public static class PhantomGenerator
{
    private static readonly double[] Thicknesses = [1.0, 1.25, 2.0, 2.5, 3.0, 5.0];

    /// <summary>Generates the phantom; throws <see cref="ArgumentException"/> naming every invalid option.</summary>
    public static PhantomVolume Generate(PhantomOptions options, IProgress<int>? slicesDone = null, CancellationToken cancellationToken = default)
    {
        PhantomLayout layout = Lay(options);
        PhantomAnatomy anatomy = layout.Anatomy;
        PhantomScan scan = layout.Scan;
        VolumeGeometry geometry = layout.Geometry;
        LesionSpec? lesion = layout.Lesion;
        if (layout is { Lesion: { } spec, LesionBoundary: { } boundary })
        {
            float lesionHu = (float)(anatomy.Tissue.Pancreas - spec.ContrastHu);
            anatomy.AddLesion(new PancreaticLesion(spec.Centre, spec.DiameterMm / 2, lesionHu, boundary));
        }

        double x0 = geometry.Origin.X, y0 = geometry.Origin.Y;
        int sliceLength = options.Size * options.Size;
        var hu = GC.AllocateUninitializedArray<short>(sliceLength * options.Slices);
        var labels = GC.AllocateUninitializedArray<byte>(sliceLength * options.Slices);
        var stats = new SliceLabelStats[options.Slices];
        int done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(
            0,
            options.Slices,
            parallel,
            () => new PhantomSliceRenderer(anatomy, scan, x0, y0),
            (z, _, renderer) =>
            {
                Span<short> huSlice = hu.AsSpan(z * sliceLength, sliceLength);
                Span<byte> labelSlice = labels.AsSpan(z * sliceLength, sliceLength);
                renderer.Render(z, huSlice, labelSlice);
                stats[z] = SliceLabelStats.Measure(labelSlice, huSlice, options.Size);
                slicesDone?.Report(Interlocked.Increment(ref done));
                return renderer;
            },
            static _ => { });

        PhantomGroundTruth truth = PhantomTruthBuilder.Build(scan, geometry, anatomy, lesion, stats);
        return new PhantomVolume(geometry, hu, labels, scan, truth);
    }

    /// <summary>
    /// The scan and lesion the options resolve to, without rendering a voxel (the seeded draws are the same as
    /// <see cref="Generate"/>'s), so a caller can reason about a phantom, e.g. its lesion's visibility, before paying
    /// for it; throws <see cref="ArgumentException"/> naming every invalid option.
    /// </summary>
    public static PhantomPreview Preview(PhantomOptions options)
    {
        PhantomLayout layout = Lay(options);
        if (layout.Lesion is not { } lesion)
        {
            return new PhantomPreview(layout.Scan, null, null, null);
        }

        ContinuousIndex index = layout.Geometry.PatientToIndex(lesion.Centre + new Vector3D(0, 0, layout.Scan.TableOffsetMm));
        return new PhantomPreview(layout.Scan, lesion.DiameterMm, lesion.ContrastHu, index.Z);
    }

    // Every draw but the thickness's happens whatever the options say, so an option changes only what it names; a fixed
    // thickness skips its draw (and so moves the draws after it), as it always has: existing seeds keep their phantoms.
    private static PhantomLayout Lay(PhantomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid phantom options: " + string.Join("; ", errors), nameof(options));
        }

        var random = new PhantomRandom(options.Seed);
        PhantomAnatomy anatomy = PhantomAnatomy.Create(random);
        double thickness = options.SliceThicknessMm ?? random.Pick(Thicknesses);
        double fieldOfView = Math.Max(random.Uniform(340, 420), anatomy.BodyWidthMm + 30);
        double noiseAt2p5 = random.Uniform(7, 14);
        double tableOffset = Math.Round(random.Uniform(-700, -150), 1);
        double scanCentre = random.Uniform(0, 30);
        double centreX = random.Uniform(-8, 8), centreY = random.Uniform(-5, 15);
        LesionSpec? lesion = DrawLesion(options, random, anatomy);
        BoundaryHarmonics? boundary = lesion is null ? null : BoundaryHarmonics.Random(random, 0.06);

        double spacing = options.SliceSpacingMm ?? thickness;
        double pixel = options.PixelSpacingMm ?? Math.Round(fieldOfView / options.Size, 4);
        var scan = new PhantomScan(
            options.Seed,
            options.Size,
            options.Slices,
            thickness,
            spacing,
            pixel,
            options.NoiseSigmaHu ?? (noiseAt2p5 * Math.Sqrt(2.5 / thickness)),
            tableOffset,
            scanCentre - ((options.Slices - 1) * spacing / 2));

        double x0 = centreX - ((options.Size - 1) * pixel / 2), y0 = centreY - ((options.Size - 1) * pixel / 2);
        var geometry = VolumeGeometry.Axial(
            new VolumeShape(options.Slices, options.Size, options.Size),
            new VoxelSpacing(spacing, pixel, pixel),
            new Vector3D(x0, y0, scan.FirstSliceAnatomicalZ + tableOffset));
        return new PhantomLayout(anatomy, scan, geometry, lesion, boundary);
    }

    private static LesionSpec? DrawLesion(PhantomOptions options, PhantomRandom random, PhantomAnatomy anatomy)
    {
        bool drawnPresence = random.Chance(0.5);
        double drawnDiameter = random.Uniform(8, 30);
        PancreasSite drawnSite = random.Pick([PancreasSite.Head, PancreasSite.Body, PancreasSite.Tail]);
        double drawnContrast = random.Uniform(5, 30);
        double offsetY = random.Around(0, 0.3), offsetZ = random.Around(0, 0.3);
        PancreasSite site = options.LesionSite ?? drawnSite;
        double x = anatomy.SiteX(site, random);

        bool present = options.Lesion ?? (options.LesionDiameterMm is not null || options.LesionSite is not null ||
                                          options.LesionContrastHu is not null || drawnPresence);
        if (!present)
        {
            return null;
        }

        PancreasControlPoint p = anatomy.Pancreas.At(x);
        var centre = new Vector3D(x, p.Y + (offsetY * p.Ry), p.Z + (offsetZ * p.Rz));
        return new LesionSpec(site, options.LesionDiameterMm ?? Math.Round(drawnDiameter, 1), options.LesionContrastHu ?? Math.Round(drawnContrast, 1), centre);
    }
}
