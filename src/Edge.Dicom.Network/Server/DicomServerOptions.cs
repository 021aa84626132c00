using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Server;

/// <summary>
/// Settings of the storage SCP, bound from the configuration section "Dicom" and checked by
/// <see cref="DicomServerOptionsValidator"/> at start-up. Every default says where it comes from.
/// </summary>
public sealed class DicomServerOptions
{
    public const string SectionName = "Dicom";

    /// <summary>Our AE title; the called AE title of every request must equal it (see <see cref="RequireCalledAeTitle"/>).</summary>
    public string AeTitle { get; set; } = "EDGE";

    /// <summary>11112 is the port IANA registered for DICOM upper-layer traffic ("dicom", PS3.8 §9.1.1 notes).</summary>
    public int Port { get; set; } = 11112;

    /// <summary>Address to listen on; "0.0.0.0" (all IPv4) or "::" (dual stack) or one interface.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Root of the received-instance tree: {root}/{Study}/{Series}/{SOP Instance}.dcm. Temporary files live in {root}/.incoming.</summary>
    public string StorageRoot { get; set; } = string.Empty;

    /// <summary>
    /// Concurrent associations. A CT scanner opens one to four; 32 leaves room for several modalities and their retries
    /// while the shared memory budget still bounds them. Requests above it get A-ASSOCIATE-RJ (transient, local limit exceeded).
    /// </summary>
    public int MaxAssociations { get; set; } = 32;

    /// <summary>
    /// Maximum Length Received that Edge advertises and enforces for P-DATA-TF PDUs (PS3.8 D.1). 256 KiB: dcmtk peers
    /// cap their own at 128 KiB, fo-dicom and pynetdicom default to this order, and larger PDUs stop paying off on a LAN.
    /// </summary>
    public int MaxPduLength { get; set; } = (int)Protocol.PduLimits.DefaultMaxDataPduLength;

    /// <summary>
    /// Largest single data set accepted (it is streamed to disk, not held in memory). 4 GiB: the 32-bit value length of
    /// one element bounds an uncompressed pixel data element; real enhanced multi-frame objects stay far below.
    /// </summary>
    public long MaxMessageBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Bytes of PDUs all associations together may hold in memory at once. 64 MiB covers 32 associations each holding
    /// a 1 MiB associate PDU or a 256 KiB data PDU with room to spare; a peer over the budget waits (TCP back-pressure).
    /// </summary>
    public long InFlightMemoryLimit { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// ARTIM (PS3.8 §9.1.4): how long Edge waits for the peer to close after A-ASSOCIATE-RJ, A-RELEASE-RP or A-ABORT.
    /// 30 s is dcmtk's default (storescp passes --acse-timeout 30 s as the ARTIM timeout to ASC_initializeNetwork).
    /// </summary>
    public TimeSpan ArtimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// From accepting the TCP connection to a complete A-ASSOCIATE-RQ (the ARTIM started by AE-5). 30 s: dcmtk's ACSE
    /// timeout. The whole request must arrive in time, so a peer trickling bytes cannot hold the socket.
    /// </summary>
    public TimeSpan AssociationRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// DIMSE idle: how long an established association may wait for the next message before Edge aborts it. 60 s:
    /// dcmtk's socket receive timeout (dcmSocketReceiveTimeout); scanners send the next image within seconds.
    /// </summary>
    public TimeSpan DimseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Socket idle: within a message, the longest wait for the next PDU (or for the peer to read what Edge sends).
    /// 60 s: dcmtk's dcmSocketReceiveTimeout/dcmSocketSendTimeout defaults.
    /// </summary>
    public TimeSpan SocketTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When true (default), a request whose called AE title is not <see cref="AeTitle"/> is rejected (reason 7).</summary>
    public bool RequireCalledAeTitle { get; set; } = true;

    /// <summary>
    /// Calling AE titles allowed to associate, each "AE" or "AE@host" (host: an IP address or a name resolved at
    /// start-up). Empty: any calling AE. Others are rejected (permanent, calling AE title not recognized, reason 3).
    /// </summary>
    public IList<string> AllowedCallingAeTitles { get; set; } = [];

    public DuplicatePolicy DuplicatePolicy { get; set; } = DuplicatePolicy.Overwrite;

    /// <summary>
    /// Below this many free bytes on the storage file system, C-STORE gets A700 and new associations are rejected
    /// (transient) until space returns. 1 GiB: several whole CT series (~160 MB each) plus room for the OS and logs.
    /// </summary>
    public long MinimumFreeDiskBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Edge's default preference: Explicit VR LE, Implicit VR LE, then the lossless compressed syntaxes Edge decodes
    /// (JPEG Lossless SV1, JPEG Lossless process 14, RLE Lossless).
    /// </summary>
    public static IReadOnlyList<string> DefaultTransferSyntaxes { get; } =
    [
        "1.2.840.10008.1.2.1",
        "1.2.840.10008.1.2",
        "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.4.57",
        "1.2.840.10008.1.2.5",
    ];

    /// <summary>
    /// Transfer syntaxes Edge accepts, most preferred first; empty means <see cref="DefaultTransferSyntaxes"/>. (Empty
    /// by default because configuration binding appends to a pre-filled list instead of replacing it.)
    /// </summary>
    public IList<string> TransferSyntaxes { get; set; } = [];

    public IReadOnlyList<string> EffectiveTransferSyntaxes => TransferSyntaxes.Count == 0 ? DefaultTransferSyntaxes : [.. TransferSyntaxes];

    /// <summary>SOP classes accepted for C-STORE; empty (default) accepts every storage SOP class of the UID registry.</summary>
    public IList<string> SopClasses { get; set; } = [];
}
