namespace Edge.Imaging.Phantom;

/// <summary>What fills a hollow organ.</summary>
internal enum BowelContent
{
    /// <summary>Water-like fluid (0–20 HU).</summary>
    Fluid,

    /// <summary>Fluid with gas above an air–fluid level: the patient lies supine, so gas collects anteriorly (low y).</summary>
    GasFluid,

    /// <summary>Gas only (−1000 HU).</summary>
    Gas,

    /// <summary>Faeces: fluid and soft matter mottled with gas bubbles.</summary>
    Stool,
}
