using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Edge.Dicom;
using Edge.Reporting.Tests.Support;

namespace Edge.Service.Tests.Forwarding;

/// <summary>
/// The clinical workflow with a real PACS (Debian Orthanc): every original forwarded unchanged, the AI's findings
/// returned as SR, key images and SEG in the same study, all valid, and nothing lost or doubled by a PACS outage.
/// </summary>
[Collection(EndToEnd.EndToEndCollection.Name)]
public sealed class PacsForwardingTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private const string SrClass = "1.2.840.10008.5.1.4.1.1.88.34";
    private const string ScClass = "1.2.840.10008.5.1.4.1.1.7";
    private const string SegClass = "1.2.840.10008.5.1.4.1.1.66.4";

    private readonly TempDirectory _dir = new("edge-fwd");

    public void Dispose() => _dir.Dispose();

    private static Action<Dictionary<string, string?>> ToPacs(Orthanc pacs) => s =>
    {
        s["Destinations:0:Name"] = "pacs";
        s["Destinations:0:AeTitle"] = Orthanc.AeTitle;
        s["Destinations:0:Host"] = "127.0.0.1";
        s["Destinations:0:Port"] = pacs.DicomPort.ToString(CultureInfo.InvariantCulture);
        s["Destinations:0:CallingAeTitle"] = "EDGE_FWD";
        s["Forwarding:RetryBaseSeconds"] = "0.5";
        s["Forwarding:RetryMaxSeconds"] = "2";
    };

    [Fact]
    public async Task A_lesion_phantom_reaches_the_pacs_with_valid_SR_key_images_and_SEG_whose_values_match_the_store()
    {
        using Orthanc pacs = Orthanc.Start(Directory.CreateDirectory(_dir.File("pacs")).FullName);
        using EdgeService edge = EdgeService.Start(_dir, brokerPort: null, ToPacs(pacs));
        PhantomSeries phantom = PhantomSeries.WriteSuspicious(_dir.File("lesion"));
        int originals = phantom.SopInstanceUids.Count;

        ProcessResult sent = await Modality.SendAsync(edge.Port, phantom.Directory);
        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);

        // Originals first (independent of the AI), then the result objects: SR, at least one key image, SEG.
        JsonElement status = await edge.WaitStatusAsync(s => s.GetProperty("results").GetProperty("suspicious").GetInt32() == 1
            && s.GetProperty("forwarding").GetProperty("pending").GetInt32() == 0
            && s.GetProperty("forwarding").GetProperty("sent").GetInt32() >= originals + 3, Wait, "the originals and result objects to be forwarded");
        JsonElement forwarding = status.GetProperty("forwarding");
        Assert.Equal(0, forwarding.GetProperty("deadLetters").GetInt32());
        int sentItems = forwarding.GetProperty("sent").GetInt32();
        JsonElement destination = Assert.Single(forwarding.GetProperty("destinations").EnumerateArray());
        Assert.Equal("pacs", destination.GetProperty("name").GetString());
        Assert.Equal(sentItems, destination.GetProperty("sent").GetInt32());

        // The operator's view of the same figures.
        ProcessResult table = await Edgectl.RunAsync(null, "status", "--socket", edge.Socket);
        Assert.True(table.ExitCode == 0, table.Output + table.Error);
        Assert.Contains($"0 pending", table.Output, StringComparison.Ordinal);
        Assert.Contains($"{sentItems} sent, 0 dead letters", table.Output, StringComparison.Ordinal);
        Assert.Contains($"pacs ORTHANC@127.0.0.1:{pacs.DicomPort}", table.Output, StringComparison.Ordinal);

        IReadOnlyList<(string Id, JsonElement Tags)> stored = await pacs.InstancesAsync();
        Assert.Equal(sentItems, stored.Count);
        Assert.All(stored, i => Assert.Equal(phantom.StudyInstanceUid, i.Tags.GetProperty("StudyInstanceUID").GetString()));
        var bySop = stored.ToDictionary(i => i.Tags.GetProperty("SOPInstanceUID").GetString()!, StringComparer.Ordinal);
        Assert.Equal(originals, phantom.SopInstanceUids.Count(bySop.ContainsKey));

        // Originals arrive unchanged: the data set bytes Orthanc holds are the bytes the modality sent.
        string[] sourceFiles = Directory.GetFiles(phantom.Directory);
        foreach (string path in sourceFiles.Take(4))
        {
            DicomFile source = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
            string sop = source.Dataset.GetString(DicomTags.SOPInstanceUID)!;
            byte[] atPacs = await pacs.GetFileAsync(bySop[sop].Id);
            Assert.True(DataSet(File.ReadAllBytes(path)).SequenceEqual(DataSet(atPacs)), $"{sop} changed on its way to the PACS");
        }

        var results = stored.Where(i => !phantom.SopInstanceUids.Contains(i.Tags.GetProperty("SOPInstanceUID").GetString())).ToList();
        var classes = new Dictionary<string, DicomFile>(StringComparer.Ordinal);
        var files = new List<DicomFile>();
        foreach ((string id, JsonElement tags) in results)
        {
            string path = _dir.File($"pacs-{id}.dcm");
            await File.WriteAllBytesAsync(path, await pacs.GetFileAsync(id));
            Dciodvfy.AssertValid(path);
            DicomFile file = DicomFile.Open(path);
            files.Add(file);
            Assert.NotEqual(phantom.SeriesInstanceUid, file.Dataset.GetString(DicomTags.SeriesInstanceUID));
            Assert.Equal(phantom.PatientId, file.Dataset.GetString(DicomTags.PatientID));
        }

        DicomFile sr = Assert.Single(files, f => f.Dataset.GetString(DicomTags.SOPClassUID) == SrClass);
        DicomFile seg = Assert.Single(files, f => f.Dataset.GetString(DicomTags.SOPClassUID) == SegClass);
        Assert.Contains(files, f => f.Dataset.GetString(DicomTags.SOPClassUID) == ScClass);
        Assert.Equal(3, files.Select(f => f.Dataset.GetString(DicomTags.SeriesInstanceUID)).Distinct().Count());

        // The SR's measurements are the stored result's, exactly (FD carries the double).
        JsonElement list = await edge.GetAsync("results");
        string resultId = Assert.Single(list.EnumerateArray()).GetProperty("id").GetString()!;
        JsonElement model = (await edge.GetAsync($"results/{resultId}")).GetProperty("result").GetProperty("models").EnumerateArray().Single();
        JsonElement[] findings = [.. model.GetProperty("findings").EnumerateArray()];
        Assert.NotEmpty(findings);
        DicomDataset[] groups = [.. SrTree.FindAll(sr.Dataset, "125007").Where(g => SrTree.ChildrenNamed(g, "118565006").Count > 0)];
        Assert.Equal(findings.Length, groups.Length);
        for (int i = 0; i < findings.Length; i++)
        {
            Assert.Equal(findings[i].GetProperty("volumeMl").GetDouble(), SrTree.Num(Assert.Single(SrTree.ChildrenNamed(groups[i], "118565006"))).Exact);
            Assert.Equal(findings[i].GetProperty("maxDiameterMm").GetDouble(), SrTree.Num(Assert.Single(SrTree.ChildrenNamed(groups[i], "81827009"))).Exact);
            Assert.Equal(findings[i].GetProperty("probability").GetDouble(), SrTree.Num(Assert.Single(SrTree.ChildrenNamed(groups[i], "111047"))).Exact);
        }

        double caseProbability = model.GetProperty("probability").GetDouble();
        Assert.Contains(SrTree.FindAll(sr.Dataset, "111047"), item => SrTree.Num(item).Exact == caseProbability);

        AssertSegGeometryMatches(seg, sourceFiles);
    }

    [Fact]
    public async Task A_series_sent_during_a_pacs_outage_arrives_once_after_it_without_retrying_in_a_tight_loop()
    {
        using Orthanc pacs = Orthanc.Start(Directory.CreateDirectory(_dir.File("pacs")).FullName);
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/heartbeat");
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, ToPacs(pacs));
        PhantomSeries phantom = PhantomSeries.Write(_dir.File("series"), seed: 5, lesion: false);
        int originals = phantom.SopInstanceUids.Count;

        pacs.Stop();
        DateTime down = DateTime.UtcNow;
        ProcessResult sent = await Modality.SendAsync(edge.Port, phantom.Directory);
        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);

        // The modality got Success for every instance while the PACS was down; all of them wait in the queue, and
        // screening goes on regardless.
        await edge.WaitStatusAsync(s => s.GetProperty("forwarding").GetProperty("pending").GetInt32() > originals
            && s.GetProperty("queue").GetProperty("done").GetInt32() == 1, Wait, "the originals and result objects to wait for the PACS");
        await Task.Delay(TimeSpan.FromSeconds(3));
        double outage = (DateTime.UtcNow - down).TotalSeconds;
        JsonElement waiting = (await edge.StatusAsync()).GetProperty("forwarding");
        Assert.Equal(0, waiting.GetProperty("sent").GetInt32());
        Assert.Equal(0, waiting.GetProperty("deadLetters").GetInt32());
        int pending = waiting.GetProperty("pending").GetInt32();

        // Backoff 0.5 s doubling to 2 s: over the outage a tight loop would try hundreds of times.
        int tries = edge.Logs.Split('\n').Count(l => l.Contains("unreachable (", StringComparison.Ordinal));
        Assert.InRange(tries, 1, (int)(outage / 0.5) + 2);

        // The central site sees the backlog in the heartbeat.
        await edge.WaitForAsync(central, m => m.Any(h => h.Json.GetProperty("forwardingPending").GetInt32() == pending), Wait, "a heartbeat with the backlog");

        // A crash while the PACS is down loses nothing: the queue is in the store, the files on disk.
        edge.Kill();
        edge.Restart(_dir.Path);
        Assert.Equal(pending, (await edge.StatusAsync()).GetProperty("forwarding").GetProperty("pending").GetInt32());

        pacs.Launch();
        await edge.WaitStatusAsync(s => s.GetProperty("forwarding").GetProperty("pending").GetInt32() == 0, Wait, "the queue to drain after the outage");
        JsonElement done = (await edge.StatusAsync()).GetProperty("forwarding");
        Assert.Equal(pending, done.GetProperty("sent").GetInt32());
        Assert.Equal(0, done.GetProperty("deadLetters").GetInt32());

        IReadOnlyList<(string Id, JsonElement Tags)> stored = await pacs.InstancesAsync();
        string[] sops = [.. stored.Select(i => i.Tags.GetProperty("SOPInstanceUID").GetString()!)];
        Assert.Equal(pending, sops.Length);
        Assert.Equal(sops.Length, sops.Distinct(StringComparer.Ordinal).Count());
        Assert.All(phantom.SopInstanceUids, sop => Assert.Contains(sop, sops));
        Assert.Contains(stored, i => i.Tags.GetProperty("Modality").GetString() == "SR");

        // Exactly once: each item was stored by one C-STORE; nothing was sent again after the queue drained.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(pending, (await pacs.GetAsync("statistics")).GetProperty("CountInstances").GetInt32());
        Assert.Equal(pending, (await edge.StatusAsync()).GetProperty("forwarding").GetProperty("sent").GetInt32());
        IReadOnlyList<ReceivedMessage> beats = await edge.WaitForAsync(central,
            m => m.Any(h => h.Json.GetProperty("forwardingPending").GetInt32() == 0 && h.Json.GetProperty("queueDepth").GetInt32() == 0),
            Wait, "a heartbeat with the queue drained");
        Assert.All(beats, h => Assert.Equal(0, h.Json.GetProperty("forwardingDeadLetters").GetInt32()));
    }

    [Fact]
    public async Task An_object_the_destination_never_accepts_is_dead_lettered_after_its_attempts_while_the_rest_is_stored()
    {
        // A picky second archive: another Edge whose SCP takes CT images and SEG only, so every association proposing
        // the SR is answered without a context for it. (Orthanc's filters answer Success even when they discard.)
        using var archiveDir = new TempDirectory("edge-fwd-archive");
        using EdgeService archive = EdgeService.Start(archiveDir, brokerPort: null, s =>
        {
            s["Dicom:SopClasses:0"] = "1.2.840.10008.5.1.4.1.1.2";
            s["Dicom:SopClasses:1"] = SegClass;
        }, withModels: false);
        using EdgeService edge = EdgeService.Start(_dir, brokerPort: null, s =>
        {
            s["Destinations:0:Name"] = "archive";
            s["Destinations:0:AeTitle"] = "EDGE";
            s["Destinations:0:Host"] = "127.0.0.1";
            s["Destinations:0:Port"] = archive.Port.ToString(CultureInfo.InvariantCulture);
            s["Forwarding:MaxAttempts"] = "3";
            s["Forwarding:RetryBaseSeconds"] = "0.2";
            s["Forwarding:RetryMaxSeconds"] = "0.4";
        });
        PhantomSeries phantom = PhantomSeries.Write(_dir.File("series"), seed: 7, lesion: false);

        ProcessResult sent = await Modality.SendAsync(edge.Port, phantom.Directory);
        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);

        JsonElement forwarding = (await edge.WaitStatusAsync(s => s.GetProperty("forwarding").GetProperty("deadLetters").GetInt32() == 1
            && s.GetProperty("forwarding").GetProperty("pending").GetInt32() == 0, TimeSpan.FromSeconds(90), "the SR to be dead-lettered")).GetProperty("forwarding");
        int stored = forwarding.GetProperty("sent").GetInt32();
        Assert.True(stored > phantom.SopInstanceUids.Count, $"only {stored} sent: the SEG should have gone too");
        Assert.Equal(stored, (await archive.StatusAsync()).GetProperty("dicom").GetProperty("instancesReceived").GetInt32());

        // Three refusals, each logged, then the dead letter; the destination was never treated as down.
        string[] log = edge.Logs.Split('\n');
        Assert.Equal(3, log.Count(l => l.Contains("refused instance", StringComparison.Ordinal)));
        Assert.Single(log, l => l.Contains("dead-lettered", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("unreachable (", StringComparison.Ordinal));
        ProcessResult table = await Edgectl.RunAsync(null, "status", "--socket", edge.Socket);
        Assert.True(table.ExitCode == 0, table.Output + table.Error);
        Assert.Contains("1 dead letters", table.Output, StringComparison.Ordinal);

        // The operator finds which object and why, and after fixing the cause queues it again.
        ProcessResult list = await Edgectl.RunAsync(null, "forwarding", "--state", "dead_letter", "--json", "--socket", edge.Socket);
        Assert.True(list.ExitCode == 0, list.Output + list.Error);
        JsonElement dead = Assert.Single(JsonDocument.Parse(list.Output).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("result", dead.GetProperty("kind").GetString());
        Assert.Equal(SrClass, dead.GetProperty("sopClassUid").GetString());
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Matches("A-ASSOCIATE-RJ|presentation context", dead.GetProperty("lastError").GetString());
        ProcessResult retry = await Edgectl.RunAsync(null, "forwarding", "retry", "--socket", edge.Socket);
        Assert.True(retry.ExitCode == 0, retry.Output + retry.Error);
        Assert.Contains("queued again: 1 ", retry.Output, StringComparison.Ordinal);
        await edge.WaitStatusAsync(s => s.GetProperty("forwarding").GetProperty("deadLetters").GetInt32() == 1
            && s.GetProperty("forwarding").GetProperty("pending").GetInt32() == 0
            && edge.Logs.Split('\n').Count(l => l.Contains("refused instance", StringComparison.Ordinal)) == 6, TimeSpan.FromSeconds(60),
            "the retried SR to be refused three more times");
    }

    /// <summary>The data set of a Part 10 file: everything after the preamble, "DICM" and the meta group (PS3.10 §7.1).</summary>
    private static ReadOnlySpan<byte> DataSet(byte[] file)
    {
        int metaLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(140, 4));
        return file.AsSpan(144 + metaLength);
    }

    /// <summary>Each SEG frame lies exactly on the source image it references: position, orientation, spacing, matrix.</summary>
    private static void AssertSegGeometryMatches(DicomFile seg, string[] sourceFiles)
    {
        var sources = sourceFiles.Select(p => DicomFile.Open(p, DicomReadOptions.HeaderOnly).Dataset)
            .ToDictionary(d => d.GetString(DicomTags.SOPInstanceUID)!, StringComparer.Ordinal);
        DicomDataset any = sources.Values.First();
        DicomDataset s = seg.Dataset;
        Assert.Equal(any.GetString(DicomTags.FrameOfReferenceUID), s.GetString(DicomTags.FrameOfReferenceUID));
        Assert.True(s.TryGetInt32(DicomTags.Rows, out int rows));
        Assert.True(s.TryGetInt32(DicomTags.Columns, out int columns));
        Assert.True(any.TryGetInt32(DicomTags.Rows, out int sourceRows));
        Assert.True(any.TryGetInt32(DicomTags.Columns, out int sourceColumns));
        Assert.Equal((sourceRows, sourceColumns), (rows, columns));
        DicomDataset shared = s.GetSequence(DicomTags.SharedFunctionalGroupsSequence)!.Items[0];
        double[] spacing = shared.GetSequence(DicomTags.PixelMeasuresSequence)!.Items[0].GetDoubles(DicomTags.PixelSpacing);
        AssertClose(any.GetDoubles(DicomTags.PixelSpacing), spacing);
        double[]? sharedOrientation = shared.GetSequence(DicomTags.PlaneOrientationSequence)?.Items[0].GetDoubles(DicomTags.ImageOrientationPatient);

        DicomSequence frames = s.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!;
        Assert.True(s.TryGetInt32(DicomTags.NumberOfFrames, out int count));
        Assert.Equal(count, frames.Items.Count);
        Assert.True(count > 0);
        foreach (DicomDataset frame in frames.Items)
        {
            DicomDataset derivation = frame.GetSequence(DicomTags.DerivationImageSequence)!.Items[0];
            string referenced = derivation.GetSequence(DicomTags.SourceImageSequence)!.Items[0].GetString(DicomTags.ReferencedSOPInstanceUID)!;
            Assert.True(sources.TryGetValue(referenced, out DicomDataset? source), $"SEG frame references {referenced}, not a source image");
            AssertClose(source!.GetDoubles(DicomTags.ImagePositionPatient),
                frame.GetSequence(DicomTags.PlanePositionSequence)!.Items[0].GetDoubles(DicomTags.ImagePositionPatient));
            double[] orientation = sharedOrientation ?? frame.GetSequence(DicomTags.PlaneOrientationSequence)!.Items[0].GetDoubles(DicomTags.ImageOrientationPatient);
            AssertClose(source.GetDoubles(DicomTags.ImageOrientationPatient), orientation);
        }
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // DS carries about six significant digits.
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-3, $"[{string.Join(", ", expected)}] != [{string.Join(", ", actual)}]");
        }
    }
}
