using Edge.Imaging.Phantom;

namespace Edge.Inference.Evaluation;

/// <summary>
/// How visible a phantom lesion is in principle, whatever the model: the Rose detectability index
/// <c>d′ = C / σ_eff · √(F · V_lesion / V_voxel)</c> (A. Rose, "The sensitivity performance of the human eye on an
/// absolute scale", JOSA 38:196, 1948; A. E. Burgess, "The Rose model, revisited", JOSA A 16:633, 1999).
/// <list type="bullet">
/// <item><c>C</c>: the lesion's contrast, HU below the gland.</item>
/// <item><c>V_lesion = π/6 · D³</c> for the nominal diameter <c>D</c>; <c>V_voxel</c> = pixel spacing² × slice
/// thickness, the acquisition voxel, so <c>V_lesion / V_voxel</c> is the number of independent noise samples the lesion
/// covers (the phantom's slices are contiguous and their noise is drawn independently per slice).</item>
/// <item><c>σ_eff = σ · Σk / √(Σk²)</c> over the 2-D blur kernel <c>k</c>. The renderer adds white noise scaled so
/// the slice's standard deviation after its blur is σ (the truth's <c>NoiseSigmaHu</c>), i.e. white noise of
/// σ / √(Σk²) before the blur; a lesion wider than the kernel sums that noise at the kernel's DC gain Σk, so its
/// low-frequency noise power per voxel is σ² · (Σk)² / Σk², not σ². The blur acts on the lesion as well, and is
/// invertible, so the ideal observer's d′ is exactly that of the white noise before the blur. For the phantom's separable
/// [1 2 1]/4 kernel (<see cref="PhantomScan.BlurKernel"/>): Σk = 1, Σk² = (6/16)², σ_eff = σ · 8/3.</item>
/// <item><c>F</c>: partial volume through the slice, modelled rather than ignored. A slice of thickness <c>T</c>
/// averages what it cuts, so a voxel where the lesion fills a fraction <c>f</c> of the slice carries contrast
/// <c>f · C</c>; the matched filter then collects <c>Σ f² · C²</c> rather than <c>Σ f · C²</c>, and
/// <c>F = T · Σ_slices ∫ f² dA / V_lesion</c> (≤ 1). A sphere within one slice gives <c>F = 3D / 4T</c> when the
/// slice is centred on it and <c>3D / 8T</c> when a slice boundary halves it; <c>F → 1</c> when <c>D ≫ T</c> (a 6 mm
/// lesion in 5 mm slices keeps F = 0.45–0.82 depending on where the slices cut it, a 10 mm one 0.75–0.77, a 40 mm one
/// in 1 mm slices 0.99). The simpler rule "scale C by D/T when D &lt; T" never fires on the cohort (D ≥ 5 mm,
/// T ≤ 5 mm), is discontinuous at D = T, and ignores lesions one or two slices thick, which are exactly the hard cases.
/// The slice profile is an ideal rectangle; the renderer approximates it with 1 (T ≤ 1.5 mm), 3 or 5 sub-slices, so at
/// 1–1.25 mm, where it point-samples, F slightly understates d′ (a 5 mm lesion in 1 mm slices: F = 0.90, √F = 0.95).
/// In-plane partial volume is not modelled: the generator paints whole pixels.</item>
/// </list>
/// Rose's criterion: <c>d′ ≥ 5</c> is needed for reliable detection when the location is unknown (search); below
/// about 3 a lesion is beyond reliable search even for an ideal observer. The index is an upper bound on what any model
/// can do: it ignores anatomical background (a lesion against a lobulated gland edge), the lesion's boundary
/// irregularity, and any part of the lesion that extends beyond the gland into fat (where it is brighter, not darker).
/// </summary>
public static class LesionDetectability
{
    /// <summary>Rose's d′ for reliable detection of a lesion whose location is unknown (Burgess 1999).</summary>
    public const double SearchThreshold = 5;

    /// <summary>
    /// The low end of the range (about 3–7) Rose's observers needed; a lesion below it is not reliably found in search
    /// even by an ideal observer, so a model that misses it is at the physical limit, not defective.
    /// </summary>
    public const double MarginalThreshold = 3;

    // Equal-area rings across the lesion's cross-section; 2,000 keep F within 1e-4 of the integral.
    private const int Rings = 2000;

    /// <summary>
    /// d′ of the lesion in a generated phantom, from its ground truth and scan; null when it has no lesion.
    /// </summary>
    public static double? Of(PhantomVolume phantom)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        if (phantom.GroundTruth.Lesion is not { } lesion)
        {
            return null;
        }

        // CentreVoxel is [z, y, x] in fractional voxel indices; slice k is centred on index k.
        double zIndex = lesion.CentreVoxel[0];
        double offsetMm = (zIndex - Math.Round(zIndex)) * phantom.Scan.SliceSpacingMm;
        return Index(lesion.ContrastHu, lesion.DiameterMm, phantom.GroundTruth.NoiseSigmaHu, phantom.Scan.PixelSpacingMm, phantom.Scan.SliceThicknessMm, offsetMm);
    }

    /// <summary>
    /// d′ per HU of contrast of the lesion a phantom will have, from its preview (nothing rendered); d′ is proportional
    /// to contrast, so this times a contrast is that contrast's d′ in the same scan.
    /// </summary>
    public static double PerHu(PhantomPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (preview is not { LesionDiameterMm: { } diameter, LesionCentreSlice: { } centreSlice })
        {
            throw new ArgumentException("the phantom has no lesion", nameof(preview));
        }

        double offsetMm = (centreSlice - Math.Round(centreSlice)) * preview.Scan.SliceSpacingMm;
        return Index(1, diameter, preview.Scan.NoiseSigmaHu, preview.Scan.PixelSpacingMm, preview.Scan.SliceThicknessMm, offsetMm);
    }

    /// <summary>
    /// d′ of a spherical lesion of <paramref name="diameterMm"/>, <paramref name="contrastHu"/> below its background, in
    /// phantom slices with noise <paramref name="noiseSigmaHu"/> (after the blur), contiguous slices of
    /// <paramref name="thicknessMm"/> and square pixels of <paramref name="pixelSpacingMm"/>; the lesion's centre lies
    /// <paramref name="centreOffsetMm"/> from the centre of the nearest slice.
    /// </summary>
    public static double Index(double contrastHu, double diameterMm, double noiseSigmaHu, double pixelSpacingMm, double thicknessMm, double centreOffsetMm)
    {
        double lesionVolume = Math.PI / 6 * diameterMm * diameterMm * diameterMm;
        double voxelVolume = pixelSpacingMm * pixelSpacingMm * thicknessMm;
        double sigma = noiseSigmaHu * NoiseCorrelationGain(PhantomScan.BlurKernel);
        return Rose(contrastHu, sigma, PartialVolumeFactor(diameterMm, thicknessMm, centreOffsetMm) * lesionVolume, voxelVolume);
    }

    /// <summary>Rose's signal-to-noise ratio: C / σ · √(V / V_voxel), for white noise σ per voxel.</summary>
    public static double Rose(double contrastHu, double noiseSigmaHu, double lesionVolumeMm3, double voxelVolumeMm3)
        => contrastHu / noiseSigmaHu * Math.Sqrt(lesionVolumeMm3 / voxelVolumeMm3);

    /// <summary>
    /// σ_eff / σ for noise that is white before a separable blur with these 1-D taps: Σk / √(Σk²) over the 2-D kernel,
    /// which for a separable kernel is (Σk₁)² / Σk₁².
    /// </summary>
    public static double NoiseCorrelationGain(IReadOnlyList<double> kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        double sum = 0, squares = 0;
        foreach (double tap in kernel)
        {
            sum += tap;
            squares += tap * tap;
        }

        if (squares <= 0)
        {
            throw new ArgumentException("the kernel has no non-zero tap", nameof(kernel));
        }

        return sum * sum / squares;
    }

    /// <summary>
    /// F = T · Σ_slices ∫ f² dA / V for a sphere of <paramref name="diameterMm"/> cut by contiguous slices of
    /// <paramref name="thicknessMm"/>, one centred <paramref name="centreOffsetMm"/> from the sphere's centre; f is the
    /// fraction of a slice's thickness the sphere fills along each line through it.
    /// </summary>
    public static double PartialVolumeFactor(double diameterMm, double thicknessMm, double centreOffsetMm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(diameterMm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thicknessMm);
        double radius = diameterMm / 2;
        int reach = (int)Math.Ceiling((radius + Math.Abs(centreOffsetMm)) / thicknessMm) + 1;
        double sum = 0;
        for (int ring = 0; ring < Rings; ring++)
        {
            // Ring i sits at r² = R²(i + ½)/N, so every ring carries πR²/N of the cross-section; h is the half chord.
            double h = radius * Math.Sqrt(1 - ((ring + 0.5) / Rings));
            for (int k = -reach; k <= reach; k++)
            {
                double centre = (k * thicknessMm) + centreOffsetMm;
                double overlap = Math.Min(h, centre + (thicknessMm / 2)) - Math.Max(-h, centre - (thicknessMm / 2));
                if (overlap > 0)
                {
                    double f = overlap / thicknessMm;
                    sum += f * f;
                }
            }
        }

        // Σ f² · (πR²/N) · T / (4/3 · πR³)
        return sum * 3 * thicknessMm / (4 * radius * Rings);
    }
}
