using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Storage;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Client;

/// <summary>Edge's SCU against real receivers: dcmtk storescp and Orthanc.</summary>
public sealed class DicomClientPeerTests
{
    private const string JpegLosslessSv1 = "1.2.840.10008.1.2.4.70";

    private static readonly DicomClient Client = new(new DicomClientOptions { CallingAeTitle = "EDGE-SCU" });

    private static async Task<(ChildProcess Scp, DicomPeer Peer)> StartStorescpAsync(string directory, params string[] options)
    {
        int port = FreePort.Get();
        var scp = ChildProcess.Start(ExternalTools.Require("storescp"),
            [.. options, "-aet", "STORESCP", "-od", directory, port.ToString(CultureInfo.InvariantCulture)]);
        await scp.WaitForPortAsync(port);
        return (scp, new DicomPeer("127.0.0.1", port, "STORESCP"));
    }

    /// <summary>storescp names each file after its SOP instance UID.</summary>
    private static string ReceivedBy(string directory, string sopInstanceUid) =>
        Assert.Single(Directory.GetFiles(directory), f => f.EndsWith("." + sopInstanceUid, StringComparison.Ordinal));

    private static string SopInstanceOf(string path) =>
        DicomFile.Open(path, DicomReadOptions.HeaderOnly).Dataset.GetString(DicomTags.SOPInstanceUID)!;

    [Fact]
    public async Task Echo_to_storescp_succeeds()
    {
        using var temp = new TempDirectory();
        (ChildProcess scp, DicomPeer peer) = await StartStorescpAsync(temp.Path);
        using (scp)
        {
            EchoResult echo = await Client.EchoAsync(peer, CancellationToken.None);

            Assert.True(echo.Succeeded);
            Assert.StartsWith("1.2.276.0.7230010.3", echo.PeerImplementationClassUid, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Uncompressed_files_travel_in_their_own_syntax_to_storescp()
    {
        using var temp = new TempDirectory();
        (ChildProcess scp, DicomPeer peer) = await StartStorescpAsync(temp.Sub("in"));
        using (scp)
        {
            string[] files = [TestData.Pydicom("CT_small.dcm"), TestData.Pydicom("MR_small_implicit.dcm"), TestData.Pydicom("MR_small_bigendian.dcm")];

            IReadOnlyList<StoreResult> results = await Client.SendAsync(peer, files, null, CancellationToken.None);

            Assert.Equal(3, results.Count);
            Assert.All(results, r => Assert.Equal(StoreResultKind.Stored, r.Kind));
            Assert.Equal(["1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.2"], results.Select(r => r.TransferSyntaxUid));
            foreach (string file in files)
            {
                DicomAssert.SamePixels(file, ReceivedBy(temp.Path + "/in", SopInstanceOf(file)));
            }
        }
    }

    [Fact]
    public async Task Jpeg_lossless_stays_compressed_when_storescp_accepts_it()
    {
        using var temp = new TempDirectory();
        string original = TestData.Pydicom("CT_small.dcm");
        string jpeg = await TestData.CompressAsync("dcmcjpeg", original, Path.Combine(temp.Path, "ct.jpeg.dcm"), "+e1");
        (ChildProcess scp, DicomPeer peer) = await StartStorescpAsync(temp.Sub("in"), "+xa");
        using (scp)
        {
            StoreResult result = Assert.Single(await Client.SendAsync(peer, [jpeg], null, CancellationToken.None));

            Assert.Equal((StoreResultKind.Stored, JpegLosslessSv1), (result.Kind, result.TransferSyntaxUid));
            string received = ReceivedBy(temp.Path + "/in", SopInstanceOf(jpeg));
            Assert.Equal(JpegLosslessSv1, DicomFile.Open(received, DicomReadOptions.HeaderOnly).TransferSyntax.Uid);
            DicomAssert.SamePixels(original, received);
        }
    }

    [Fact]
    public async Task Compressed_file_the_peer_does_not_accept_is_not_sent_and_says_why()
    {
        using var temp = new TempDirectory();
        string jpeg = await TestData.CompressAsync("dcmcjpeg", TestData.Pydicom("CT_small.dcm"), Path.Combine(temp.Path, "ct.jpeg.dcm"), "+e1");
        (ChildProcess scp, DicomPeer peer) = await StartStorescpAsync(temp.Sub("in"));
        using (scp)
        {
            IReadOnlyList<StoreResult> results = await Client.SendAsync(peer, [jpeg, TestData.Pydicom("MR_small.dcm")], null, CancellationToken.None);

            StoreResult refused = Assert.Single(results, r => r.Path == jpeg);
            Assert.Equal(StoreResultKind.NotSent, refused.Kind);
            Assert.Contains("does not transcode compressed", refused.Detail, StringComparison.Ordinal);
            Assert.Equal(StoreResultKind.Stored, Assert.Single(results, r => r.Path != jpeg).Kind);
        }
    }

    [Fact]
    public async Task Peer_max_pdu_of_4096_is_honoured()
    {
        using var temp = new TempDirectory();
        (ChildProcess scp, DicomPeer peer) = await StartStorescpAsync(temp.Sub("in"), "--max-pdu", "4096");
        using (scp)
        {
            ClientAssociation association = await Client.AssociateAsync(peer,
                [new ProposedContext("1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2.1"])], CancellationToken.None);
            await using (association)
            {
                Assert.Equal(4096u, association.Accept.UserInformation.MaximumLength);
                Assert.Equal(4090, association.FragmentLength);
                Assert.True(SendableInstance.TryOpen(TestData.Pydicom("CT_small.dcm"), out SendableInstance? ct, out _));
                StoreResult result = await association.StoreAsync(ct!, CancellationToken.None);
                Assert.Equal(StoreResultKind.Stored, result.Kind);
                await association.ReleaseAsync(CancellationToken.None);
            }

            DicomAssert.SamePixels(TestData.Pydicom("CT_small.dcm"), ReceivedBy(temp.Path + "/in", SopInstanceOf(TestData.Pydicom("CT_small.dcm"))));
        }
    }

    [Fact]
    public async Task Big_endian_is_transcoded_when_only_little_endian_is_accepted()
    {
        // Edge's own SCP does not accept big endian by default, so the SCU must fall back and transcode.
        await using RunningServer server = await RunningServer.StartAsync();
        string file = TestData.Pydicom("MR_small_bigendian.dcm");

        StoreResult result = Assert.Single(await Client.SendAsync(new DicomPeer("127.0.0.1", server.Port, "EDGE"), [file], null, CancellationToken.None));

        Assert.Equal((StoreResultKind.Stored, "1.2.840.10008.1.2.1"), (result.Kind, result.TransferSyntaxUid));
        StoredInstance stored = Assert.Single(server.Events.Stored);
        Assert.Equal("1.2.840.10008.1.2.1", stored.TransferSyntaxUid);
        DicomAssert.SamePixels(file, stored.Path);
    }

    [Fact]
    public async Task Orthanc_confirms_every_instance_over_its_rest_api()
    {
        using var temp = new TempDirectory();
        int http = FreePort.Get();
        int dicom = FreePort.Get();
        string config = Path.Combine(temp.Path, "orthanc.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Name"] = "EdgeTest",
            ["HttpPort"] = http,
            ["DicomPort"] = dicom,
            ["DicomAet"] = "ORTHANC",
            ["StorageDirectory"] = temp.Sub("storage"),
            ["IndexDirectory"] = temp.Sub("index"),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = Array.Empty<string>(),
        }));
        using var orthanc = ChildProcess.Start(ExternalTools.Require("Orthanc"), [config]);
        await orthanc.WaitForPortAsync(dicom);
        await orthanc.WaitForPortAsync(http);
        string[] files = [.. await TestData.CtSeriesAsync(temp.Sub("series"), 5, 64), TestData.Pydicom("MR_small.dcm")];

        IReadOnlyList<StoreResult> results = await Client.SendAsync(new DicomPeer("127.0.0.1", dicom, "ORTHANC"), files, null, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(StoreResultKind.Stored, r.Kind));
        using var http_ = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}/") };
        string[] ids = (await http_.GetFromJsonAsync<string[]>("instances"))!;
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in ids)
        {
            using JsonDocument tags = JsonDocument.Parse(await http_.GetStringAsync($"instances/{id}/simplified-tags"));
            stored.Add(tags.RootElement.GetProperty("SOPInstanceUID").GetString()!);
        }

        Assert.Equal(files.Select(SopInstanceOf).ToHashSet(StringComparer.Ordinal), stored);
    }
}
