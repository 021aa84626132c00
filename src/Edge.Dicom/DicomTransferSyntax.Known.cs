namespace Edge.Dicom;

/// <summary>The transfer syntaxes of PS3.5 Annex A and PS3.6 Table A-1.</summary>
public sealed partial class DicomTransferSyntax
{
    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", Flags.Implicit);
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", Flags.None);
    public static readonly DicomTransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", Flags.Encapsulated);
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Flags.Deflated);
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", Flags.BigEndian | Flags.Retired);
    public static readonly DicomTransferSyntax JpegBaseline = new("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax JpegExtended = new("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax JpegLossless14 = new("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", Flags.Encapsulated);
    public static readonly DicomTransferSyntax JpegLosslessSV1 = new("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", Flags.Encapsulated);
    public static readonly DicomTransferSyntax JpegLSLossless = new("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", Flags.Encapsulated);
    public static readonly DicomTransferSyntax JpegLSNearLossless = new("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Jpeg2000Lossless = new("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", Flags.Encapsulated);
    public static readonly DicomTransferSyntax Jpeg2000 = new("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Jpeg2000Part2MultiComponentLossless = new("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)", Flags.Encapsulated);
    public static readonly DicomTransferSyntax Jpeg2000Part2MultiComponent = new("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Jpip = new("1.2.840.10008.1.2.4.94", "JPIP Referenced", Flags.None);
    public static readonly DicomTransferSyntax JpipDeflate = new("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", Flags.Deflated);
    public static readonly DicomTransferSyntax Mpeg2MainProfile = new("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Mpeg2HighLevel = new("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Mpeg4 = new("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Mpeg4BD = new("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Mpeg4For2DVideo = new("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Mpeg4For3DVideo = new("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Mpeg4Stereo = new("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Hevc = new("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax Hevc10 = new("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax JpegXLLossless = new("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", Flags.Encapsulated);
    public static readonly DicomTransferSyntax JpegXLJpegRecompression = new("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax JpegXL = new("1.2.840.10008.1.2.4.112", "JPEG XL", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax HighThroughputJpeg2000Lossless = new("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", Flags.Encapsulated);
    public static readonly DicomTransferSyntax HighThroughputJpeg2000RpclLossless = new("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", Flags.Encapsulated);
    public static readonly DicomTransferSyntax HighThroughputJpeg2000 = new("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", Flags.Encapsulated | Flags.Lossy);
    public static readonly DicomTransferSyntax RleLossless = new("1.2.840.10008.1.2.5", "RLE Lossless", Flags.Encapsulated);

    private static readonly Dictionary<string, DicomTransferSyntax> ByUid = new DicomTransferSyntax[]
    {
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian,
        DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, JpegBaseline, JpegExtended, JpegLossless14, JpegLosslessSV1,
        JpegLSLossless, JpegLSNearLossless, Jpeg2000Lossless, Jpeg2000, Jpeg2000Part2MultiComponentLossless,
        Jpeg2000Part2MultiComponent, Jpip, JpipDeflate, Mpeg2MainProfile, Mpeg2HighLevel, Mpeg4, Mpeg4BD, Mpeg4For2DVideo,
        Mpeg4For3DVideo, Mpeg4Stereo, Hevc, Hevc10, JpegXLLossless, JpegXLJpegRecompression, JpegXL,
        HighThroughputJpeg2000Lossless, HighThroughputJpeg2000RpclLossless, HighThroughputJpeg2000, RleLossless,
    }.ToDictionary(t => t.Uid, StringComparer.Ordinal);

    /// <summary>Every transfer syntax this build knows.</summary>
    public static IReadOnlyCollection<DicomTransferSyntax> All => ByUid.Values;
}
