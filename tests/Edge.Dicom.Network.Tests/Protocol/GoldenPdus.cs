namespace Edge.Dicom.Network.Tests.Protocol;

/// <summary>
/// Hand-checked encodings of each PDU (PS3.8 §9.3). The associate PDUs were laid out field by field from Tables 9-11
/// to 9-20 and PS3.7 Annex D.3.3; comments name the parts.
/// </summary>
internal static class GoldenPdus
{
    /// <summary>
    /// A-ASSOCIATE-RQ, called EDGE, calling SCANNER; context 1 = Verification with Explicit then Implicit LE; context 3 =
    /// CT Image Storage with JPEG Lossless SV1; user info: max 16384, class 1.2.3.4, async window 2/1, role selection
    /// (CT, SCU only), version TEST_1 and a user-identity sub-item (0x58) Edge must carry through unharmed.
    /// </summary>
    public static readonly byte[] AssociateRequest = Convert.FromHexString(
        "01" + "00" + "0000013d" // type, reserved, length 317
        + "0001" + "0000" // protocol version 1, reserved
        + "45444745202020202020202020202020" // called "EDGE" space padded
        + "5343414e4e4552202020202020202020" // calling "SCANNER"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "10000015" + "312e322e3834302e31303030382e332e312e312e31" // application context
        + "20000045" + "01000000" // presentation context 1
        + "30000011" + "312e322e3834302e31303030382e312e31" // abstract 1.2.840.10008.1.1
        + "40000013" + "312e322e3834302e31303030382e312e322e31" // 1.2.840.10008.1.2.1
        + "40000011" + "312e322e3834302e31303030382e312e32" // 1.2.840.10008.1.2
        + "2000003b" + "03000000" // presentation context 3
        + "30000019" + "312e322e3834302e31303030382e352e312e342e312e312e32" // CT Image Storage
        + "40000016" + "312e322e3834302e31303030382e312e322e342e3730" // JPEG Lossless SV1
        + "50000054" // user information
        + "51000004" + "00004000" // maximum length 16384
        + "52000007" + "312e322e332e34" // implementation class UID
        + "53000004" + "0002" + "0001" // async window 2 invoked, 1 performed
        + "5400001d" + "0019" + "312e322e3834302e31303030382e352e312e342e312e312e32" + "01" + "00" // role selection
        + "55000006" + "544553545f31" // version name
        + "5800000a" + "0100" + "0004" + "75736572" + "0000"); // user identity: username "user"

    /// <summary>A-ASSOCIATE-AC answering the request above: context 1 accepted with Explicit LE, context 3 rejected (reason 4).</summary>
    public static readonly byte[] AssociateAccept = Convert.FromHexString(
        "02" + "00" + "000000b1"
        + "0001" + "0000"
        + "45444745202020202020202020202020"
        + "5343414e4e4552202020202020202020"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "10000015" + "312e322e3834302e31303030382e332e312e312e31"
        + "2100001b" + "01" + "00" + "00" + "00" + "40000013" + "312e322e3834302e31303030382e312e322e31"
        + "21000008" + "03" + "00" + "04" + "00" + "40000000"
        + "50000025"
        + "51000004" + "00040000" // maximum length 262144
        + "52000007" + "312e322e332e34"
        + "53000004" + "0001" + "0001"
        + "55000006" + "544553545f31");

    /// <summary>A-ASSOCIATE-RJ: transient (2), service provider presentation (3), local limit exceeded (2).</summary>
    public static readonly byte[] AssociateReject = Convert.FromHexString("03" + "00" + "00000004" + "00" + "02" + "03" + "02");

    /// <summary>P-DATA-TF with two PDVs: a last command fragment on context 1 and a non-last data fragment on context 3.</summary>
    public static readonly byte[] DataTransfer = Convert.FromHexString(
        "04" + "00" + "00000012"
        + "00000006" + "01" + "03" + "aabbccdd"
        + "00000004" + "03" + "00" + "eeff");

    public static readonly byte[] ReleaseRequest = Convert.FromHexString("05" + "00" + "00000004" + "00000000");

    public static readonly byte[] ReleaseResponse = Convert.FromHexString("06" + "00" + "00000004" + "00000000");

    /// <summary>A-ABORT from the service provider, reason 6 (invalid PDU parameter value).</summary>
    public static readonly byte[] Abort = Convert.FromHexString("07" + "00" + "00000004" + "00" + "00" + "02" + "06");

    public static IEnumerable<object[]> All() =>
    [
        [nameof(AssociateRequest), AssociateRequest],
        [nameof(AssociateAccept), AssociateAccept],
        [nameof(AssociateReject), AssociateReject],
        [nameof(DataTransfer), DataTransfer],
        [nameof(ReleaseRequest), ReleaseRequest],
        [nameof(ReleaseResponse), ReleaseResponse],
        [nameof(Abort), Abort],
    ];
}
