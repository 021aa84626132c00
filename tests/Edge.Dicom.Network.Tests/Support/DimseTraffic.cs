using System.Buffers;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Tests.Support;

/// <summary>Hand-built DIMSE traffic for the scripted peer: commands, data sets, and deliberately broken variants.</summary>
internal static class DimseTraffic
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    public static byte[] Command(byte contextId, DimseCommand command) => TestPdus.Data(contextId, command: true, last: true, CommandSetCodec.Encode(command));

    public static byte[] DataSet(byte contextId, byte[] dataSet, bool last = true) => TestPdus.Data(contextId, command: false, last, dataSet);

    /// <summary>The data set of a Part 10 file, re-encoded in <paramref name="ts"/>.</summary>
    public static byte[] DataSetOf(string path, DicomTransferSyntax ts, Action<DicomDataset>? edit = null)
    {
        DicomDataset ds = DicomFile.Open(path).Dataset;
        edit?.Invoke(ds);
        return DicomWriter.ToArray(ds, ts);
    }

    public static AssociateRequestPdu StorageRequest(string called = "EDGE", string calling = "SCANNER", params PresentationContextItem[] contexts) => new()
    {
        CalledAeTitle = called,
        CallingAeTitle = calling,
        PresentationContexts = contexts.Length > 0 ? contexts :
        [
            new PresentationContextItem(1, DicomUids.Verification, [TestPdus.ImplicitLittleEndian]),
            new PresentationContextItem(3, CtImageStorage, [TestPdus.ExplicitLittleEndian]),
        ],
        UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4" },
    };

    /// <summary>Reads P-DATA until a whole command arrives and decodes it.</summary>
    public static async Task<DimseCommand> ExpectCommandAsync(ScriptedPeer peer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var data = await peer.ExpectAsync<DataTransferPdu>();
            foreach (PresentationDataValue pdv in data.Values)
            {
                Assert.True(pdv.IsCommand, "a response carries no data set here");
                Assert.True(pdv.Data.Length % 2 == 0, "fragments are even");
                foreach (ReadOnlyMemory<byte> segment in pdv.Data)
                {
                    buffer.Write(segment.Span);
                }

                if (pdv.IsLastFragment)
                {
                    return CommandSetCodec.Decode(new ReadOnlySequence<byte>(buffer.WrittenMemory));
                }
            }
        }
    }
}
