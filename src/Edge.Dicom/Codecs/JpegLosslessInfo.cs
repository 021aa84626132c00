namespace Edge.Dicom;

/// <summary>What the SOF3 header of a lossless JPEG stream declares (T.81 §B.2.2).</summary>
public sealed record JpegLosslessInfo(int Precision, int Width, int Height, int Components);
