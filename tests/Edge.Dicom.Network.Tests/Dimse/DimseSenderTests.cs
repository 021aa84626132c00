using System.Net.Sockets;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Tests.Support;
using Edge.Dicom.Network.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Dicom.Network.Tests.Dimse;

public sealed class DimseSenderTests
{
    [Theory]
    [InlineData(4096u, 4090)]
    [InlineData(4097u, 4090)]
    [InlineData(16384u, 16378)]
    [InlineData(0u, 262138)]
    [InlineData(8u, 2)]
    public void Fragments_keep_each_pdu_within_the_peer_maximum_and_even(uint peerMax, int fragment)
    {
        Assert.Equal(fragment, DimseSender.FragmentLength(peerMax));
    }

    [Fact]
    public void A_peer_maximum_that_cannot_carry_data_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => DimseSender.FragmentLength(7));
    }

    [Fact]
    public async Task A_data_set_from_a_file_goes_out_in_even_fragments_no_larger_than_allowed_with_only_the_last_flagged()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "data.bin");
        byte[] content = new byte[10_000];
        new Random(5).NextBytes(content);
        await File.WriteAllBytesAsync(path, content);
        (ScriptedPeer peer, Socket socket) = await ScriptedPeer.CreatePairAsync();
        await using (peer)
        await using (var edge = new UpperLayerConnection(DicomConnection.FromSocket(socket), isRequestor: true,
            new UpperLayerTimeouts(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), PduLimits.Default, null, NullLogger.Instance, "t"))
        {
            await edge.SendAssociateRequestAsync(TestPdus.Request(), default);
            await peer.ExpectAsync<AssociateRequestPdu>();
            await peer.SendAsync(TestPdus.Accept());
            await edge.ReceiveAsync(TimeSpan.FromSeconds(5), default);
            var context = new PresentationContext(1, TestPdus.Verification, DicomTransferSyntax.ImplicitVRLittleEndian);

            using (var handle = File.OpenHandle(path))
            {
                await DimseSender.SendDataSetAsync(edge, context, handle, 100, 9_000, fragmentLength: 1000, default);
            }

            var received = new List<byte>();
            int pdus = 0;
            while (received.Count < 9_000)
            {
                PresentationDataValue pdv = Assert.Single((await peer.ExpectAsync<DataTransferPdu>()).Values);
                pdus++;
                Assert.False(pdv.IsCommand);
                Assert.InRange(pdv.Data.Length, 2, 1000);
                Assert.Equal(0, pdv.Data.Length % 2);
                received.AddRange(System.Buffers.BuffersExtensions.ToArray(pdv.Data));
                Assert.Equal(received.Count == 9_000, pdv.IsLastFragment);
            }

            Assert.Equal(9, pdus);
            Assert.Equal(content[100..9_100], received.ToArray());
        }
    }
}
