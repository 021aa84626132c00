namespace Edge.Imaging.Phantom;

/// <summary>How HU are stored in Pixel Data, as the two common vendor conventions do.</summary>
public enum PixelEncoding
{
    /// <summary>Unsigned 12 bits stored in 16, RescaleIntercept −1024 (stored = HU + 1024).</summary>
    Unsigned,

    /// <summary>Signed 16 bits, RescaleIntercept 0 (stored = HU).</summary>
    Signed,
}
