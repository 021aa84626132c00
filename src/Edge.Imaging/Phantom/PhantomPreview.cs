namespace Edge.Imaging.Phantom;

/// <summary>
/// What a phantom will be, known before rendering: the resolved scan and, when it has a lesion, the lesion's nominal
/// diameter, contrast (HU below the pancreas) and the fractional slice index of its centre (slice k is centred on k).
/// </summary>
public sealed record PhantomPreview(PhantomScan Scan, double? LesionDiameterMm, double? LesionContrastHu, double? LesionCentreSlice);
