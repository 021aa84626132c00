namespace Edge.Dicom;

public static partial class JpegLosslessDecoder
{
    /// <summary>What the marker segments have declared so far.</summary>
    private sealed class DecoderState
    {
        public JpegLosslessInfo? Info { get; set; }

        public int[]? ComponentIds { get; set; }

        public JpegHuffmanTable?[] Tables { get; } = new JpegHuffmanTable?[MaxTables];

        public int RestartInterval { get; set; }

        public int[] ScanComponents { get; set; } = [];

        public JpegHuffmanTable[] ScanTables { get; set; } = [];

        public int Predictor { get; set; }

        public int PointTransform { get; set; }
    }
}
