using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Tests.Support;

internal static class TestPdus
{
    public const string Verification = "1.2.840.10008.1.1";
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";

    public static AssociateRequestPdu Request(string called = "EDGE", string calling = "PEER", ushort version = 1) => new()
    {
        ProtocolVersion = version,
        CalledAeTitle = called,
        CallingAeTitle = calling,
        PresentationContexts = [new PresentationContextItem(1, Verification, [ImplicitLittleEndian])],
        UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4", ImplementationVersionName = "PEER" },
    };

    public static AssociateAcceptPdu Accept() => new()
    {
        CalledAeTitle = "EDGE",
        CallingAeTitle = "PEER",
        PresentationContexts = [new PresentationContextResultItem(1, PresentationContextResult.Acceptance, ImplicitLittleEndian)],
        UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4" },
    };

    public static byte[] Data(byte contextId, bool command, bool last, params byte[] fragment)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        Edge.Dicom.Network.Protocol.PduWriter.WriteDataPdu(writer, contextId, command, last, fragment);
        return writer.WrittenSpan.ToArray();
    }
}
