namespace Edge.Dicom.Network.Client;

/// <summary>Settings of Edge's SCU (echo, send, and the forwarding queue). Defaults mirror dcmtk's storescu.</summary>
public sealed class DicomClientOptions
{
    public string CallingAeTitle { get; set; } = "EDGE";

    /// <summary>Maximum Length Received Edge advertises as requestor; see <see cref="Server.DicomServerOptions.MaxPduLength"/>.</summary>
    public int MaxPduLength { get; set; } = (int)Protocol.PduLimits.DefaultMaxDataPduLength;

    /// <summary>TCP connect. 30 s: dcmtk's --acse-timeout, which storescu also applies to connecting.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Waiting for A-ASSOCIATE-AC/RJ and A-RELEASE-RP. 30 s: dcmtk's --acse-timeout default.</summary>
    public TimeSpan AcseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waiting for a DIMSE response. 60 s: dcmtk's socket timeout; an SCP that fsyncs, or compresses, answers well
    /// within it, and a PACS that takes longer is unhealthy.
    /// </summary>
    public TimeSpan DimseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A send that makes no progress for this long fails. 60 s: dcmtk's dcmSocketSendTimeout.</summary>
    public TimeSpan SocketTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>ARTIM after Edge aborts; 30 s as dcmtk.</summary>
    public TimeSpan ArtimTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
