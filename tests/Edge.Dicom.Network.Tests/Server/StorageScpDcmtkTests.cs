using System.Globalization;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Server;

/// <summary>Edge's storage SCP against the real dcmtk SCUs (echoscu, storescu), with TCP_NODELAY=1 in their environment.</summary>
public sealed class StorageScpDcmtkTests
{
    private const string ExplicitLe = "1.2.840.10008.1.2.1";
    private const string ImplicitLe = "1.2.840.10008.1.2";
    private const string ExplicitBe = "1.2.840.10008.1.2.2";
    private const string JpegLosslessSv1 = "1.2.840.10008.1.2.4.70";
    private const string JpegLossless14 = "1.2.840.10008.1.2.4.57";
    private const string Rle = "1.2.840.10008.1.2.5";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private static string[] Args(RunningServer server, params string[] options) =>
        [.. options, "-aet", "DCMTK", "-aec", "EDGE", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture)];

    private static async Task StoreAsync(RunningServer server, IEnumerable<string> files, params string[] options)
    {
        ProcessResult result = await ExternalTools.RunAsync("storescu", [.. Args(server, options), .. files], ToolTimeout);
        result.AssertSuccess("storescu " + string.Join(' ', options));
        await server.Events.WaitClosedAsync();
    }

    /// <summary>Each sent file is stored once, in the expected syntax, with pixels equal to the original's.</summary>
    private static void AssertArrived(RunningServer server, IReadOnlyList<string> originals, string expectedSyntax)
    {
        var stored = server.Events.Stored.ToDictionary(s => s.SopInstanceUid);
        Assert.Equal(originals.Count, stored.Count);
        foreach (string original in originals)
        {
            string sop = DicomFile.Open(original, DicomReadOptions.HeaderOnly).Dataset.GetString(DicomTags.SOPInstanceUID)!;
            StoredInstance instance = stored[sop];
            DicomAssert.StoredAsExpected(instance, server.Root, expectedSyntax, "DCMTK");
            Assert.Equal(expectedSyntax, instance.TransferSyntaxUid);
            DicomAssert.SamePixels(original, instance.Path);
        }

        AssociationSummary summary = Assert.Single(server.Events.Closed);
        Assert.Equal((AssociationEndReason.Released, originals.Count, 0), (summary.EndReason, summary.InstancesStored, summary.InstancesFailed));
    }

    [Fact]
    public async Task Echoscu_gets_success()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        ProcessResult result = await ExternalTools.RunAsync("echoscu", Args(server), ToolTimeout);

        result.AssertSuccess("echoscu");
        await server.Events.WaitClosedAsync();
        AssociationSummary summary = Assert.Single(server.Events.Closed);
        Assert.Equal(AssociationEndReason.Released, summary.EndReason);
        Assert.Equal("DCMTK", summary.Association!.CallingAeTitle);
        Assert.StartsWith("1.2.276.0.7230010.3", summary.Association.ImplementationClassUid, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-xi", ImplicitLe)]
    [InlineData("-xe", ExplicitLe)]
    [InlineData("-x=", ExplicitLe)]
    [InlineData("-xb", ExplicitLe)] // big endian is not in Edge's default preference, so storescu falls back to explicit LE
    public async Task Storescu_proposals_arrive_in_the_preferred_accepted_syntax(string proposal, string expectedSyntax)
    {
        await using RunningServer server = await RunningServer.StartAsync();
        string[] files = [TestData.Pydicom("CT_small.dcm"), TestData.Pydicom("MR_small.dcm")];

        await StoreAsync(server, files, proposal);

        AssertArrived(server, files, expectedSyntax);
    }

    [Fact]
    public async Task Big_endian_files_arrive_as_big_endian_when_preferred_and_decode_equal()
    {
        // storescu sends a file in its own syntax when that context is accepted, so big endian needs big endian files.
        await using RunningServer server = await RunningServer.StartAsync(o => o.TransferSyntaxes = [ExplicitBe, ExplicitLe]);
        using var temp = new TempDirectory();
        string[] little = await TestData.CtSeriesAsync(temp.Sub("le"), 2, 64, "explicit");
        string[] big = await TestData.CtSeriesAsync(temp.Sub("be"), 2, 64, "big");

        await StoreAsync(server, big, "-xb");

        Assert.Equal(2, server.Events.Stored.Count);
        foreach (StoredInstance stored in server.Events.Stored)
        {
            DicomAssert.StoredAsExpected(stored, server.Root, ExplicitBe, "DCMTK");
            int index = int.Parse(DicomFile.Open(stored.Path).Dataset.GetString(DicomTags.InstanceNumber)!, CultureInfo.InvariantCulture) - 1;

            // The generator draws the same pixels for both byte orders: the big endian copy must decode to the little one.
            DicomAssert.SamePixels(little[index], stored.Path);
        }
    }

    [Fact]
    public async Task Jpeg_lossless_files_arrive_compressed_and_decode_to_the_original()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        using var temp = new TempDirectory();
        string original = TestData.Pydicom("CT_small.dcm");
        string sv1 = await TestData.CompressAsync("dcmcjpeg", original, Path.Combine(temp.Path, "sv1.dcm"), "+e1");
        string[] generated = await TestData.CtSeriesAsync(temp.Sub("gen"), 2, 64);
        string p14 = await TestData.CompressAsync("dcmcjpeg", generated[0], Path.Combine(temp.Path, "p14.dcm"), "+el", "+sv", "7");

        await StoreAsync(server, [sv1], "-xs");
        StoredInstance stored = Assert.Single(server.Events.Stored);
        DicomAssert.StoredAsExpected(stored, server.Root, JpegLosslessSv1, "DCMTK");
        DicomAssert.SamePixels(original, stored.Path);

        // storescu's built-in proposals offer only SV1; process 14 with another predictor needs a profile.
        string config = Path.Combine(temp.Path, "p14.cfg");
        await File.WriteAllTextAsync(config, """
            [[TransferSyntaxes]]
            [Lossless14]
            TransferSyntax1 = 1.2.840.10008.1.2.4.57
            [[PresentationContexts]]
            [Contexts]
            PresentationContext1 = 1.2.840.10008.5.1.4.1.1.2\Lossless14
            [[Profiles]]
            [Process14]
            PresentationContexts = Contexts
            """);
        await StoreAsync(server, [p14], "-xf", config, "Process14");
        StoredInstance p14Stored = server.Events.Stored.Last();
        DicomAssert.StoredAsExpected(p14Stored, server.Root, JpegLossless14, "DCMTK");
        DicomAssert.SamePixels(generated[0], p14Stored.Path);
    }

    [Fact]
    public async Task Rle_files_arrive_compressed_and_decode_to_the_original()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        using var temp = new TempDirectory();
        string original = TestData.Pydicom("MR_small.dcm");
        string rle = await TestData.CompressAsync("dcmcrle", original, Path.Combine(temp.Path, "rle.dcm"));

        await StoreAsync(server, [rle], "-xr");

        StoredInstance stored = Assert.Single(server.Events.Stored);
        DicomAssert.StoredAsExpected(stored, server.Root, Rle, "DCMTK");
        DicomAssert.SamePixels(original, stored.Path);
    }

    [Fact]
    public async Task Syntaxes_edge_cannot_decode_are_refused_so_the_modality_falls_back()
    {
        // JPEG 2000 is not decodable by Edge: storescu -xv proposes it next to the uncompressed syntaxes, Edge accepts
        // only the latter, and storescu sends the uncompressed original in explicit LE.
        await using RunningServer server = await RunningServer.StartAsync();
        string[] files = [TestData.Pydicom("CT_small.dcm")];

        await StoreAsync(server, files, "-xv");

        AssertArrived(server, files, ExplicitLe);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(131072)]
    public async Task Storescu_max_pdu_sizes_are_honoured(int maxPdu)
    {
        await using RunningServer server = await RunningServer.StartAsync();
        string max = maxPdu.ToString(CultureInfo.InvariantCulture);
        string[] files = [TestData.Pydicom("CT_small.dcm"), TestData.Pydicom("MR_small.dcm")];

        await StoreAsync(server, files, "--max-pdu", max, "--max-send-pdu", max);

        AssertArrived(server, files, ExplicitLe);
        Assert.Equal((uint)maxPdu, server.Events.Opened.Single().PeerMaxPduLength);
    }

    [Fact]
    public async Task Several_storescu_at_once_all_arrive()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        using var temp = new TempDirectory();
        string[][] series = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => TestData.CtSeriesAsync(temp.Sub($"s{i}"), 6, 64)));

        ProcessResult[] results = await Task.WhenAll(series.Select(files => ExternalTools.RunAsync("storescu", [.. Args(server), .. files], ToolTimeout)));

        foreach (ProcessResult result in results)
        {
            result.AssertSuccess("storescu");
        }

        await server.Events.WaitClosedAsync(4);
        Assert.Equal(24, server.Events.Stored.Count);
        Assert.Equal(4, server.Events.Stored.Select(s => s.SeriesInstanceUid).Distinct().Count());
        Assert.All(server.Events.Closed, c => Assert.Equal(AssociationEndReason.Released, c.EndReason));
        foreach (string original in series.SelectMany(s => s))
        {
            string sop = DicomFile.Open(original, DicomReadOptions.HeaderOnly).Dataset.GetString(DicomTags.SOPInstanceUID)!;
            DicomAssert.SamePixels(original, server.Events.Stored.Single(s => s.SopInstanceUid == sop).Path);
        }
    }
}
