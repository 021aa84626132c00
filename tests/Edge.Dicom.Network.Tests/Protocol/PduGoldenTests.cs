using System.Buffers;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Protocol;

public sealed class PduGoldenTests
{
    [Fact]
    public void AssociateRequest_parses_every_item_and_re_encodes_identically()
    {
        var rq = Assert.IsType<AssociateRequestPdu>(PduBytes.Parse(GoldenPdus.AssociateRequest));

        Assert.Equal(1, rq.ProtocolVersion);
        Assert.Equal("EDGE", rq.CalledAeTitle);
        Assert.Equal("SCANNER", rq.CallingAeTitle);
        Assert.Equal("1.2.840.10008.3.1.1.1", rq.ApplicationContextName);
        Assert.Collection(rq.PresentationContexts,
            pc =>
            {
                Assert.Equal(1, pc.Id);
                Assert.Equal("1.2.840.10008.1.1", pc.AbstractSyntax);
                Assert.Equal(["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"], pc.TransferSyntaxes);
            },
            pc =>
            {
                Assert.Equal(3, pc.Id);
                Assert.Equal("1.2.840.10008.5.1.4.1.1.2", pc.AbstractSyntax);
                Assert.Equal(["1.2.840.10008.1.2.4.70"], pc.TransferSyntaxes);
            });
        UserInformation ui = rq.UserInformation;
        Assert.Equal(16384u, ui.MaximumLength);
        Assert.Equal("1.2.3.4", ui.ImplementationClassUid);
        Assert.Equal("TEST_1", ui.ImplementationVersionName);
        Assert.Equal(new AsyncOperationsWindow(2, 1), ui.AsyncOperationsWindow);
        Assert.Equal([new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.2", ScuRole: true, ScpRole: false)], ui.RoleSelections);
        UserInformationSubItem identity = Assert.Single(ui.OtherSubItems);
        Assert.Equal(0x58, identity.ItemType);
        Assert.Equal(Convert.FromHexString("01000004757365720000"), identity.Value.ToArray());

        Assert.Equal(GoldenPdus.AssociateRequest, PduBytes.Encode(rq));
    }

    [Fact]
    public void AssociateRequest_encoding_from_fields_matches_golden_bytes()
    {
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = "EDGE",
            CallingAeTitle = "SCANNER",
            PresentationContexts =
            [
                new PresentationContextItem(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"]),
                new PresentationContextItem(3, "1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2.4.70"]),
            ],
            UserInformation = new UserInformation
            {
                MaximumLength = 16384,
                ImplementationClassUid = "1.2.3.4",
                ImplementationVersionName = "TEST_1",
                AsyncOperationsWindow = new AsyncOperationsWindow(2, 1),
                RoleSelections = [new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.2", true, false)],
                OtherSubItems = [new UserInformationSubItem(0x58, Convert.FromHexString("01000004757365720000"))],
            },
        };

        Assert.Equal(GoldenPdus.AssociateRequest, PduBytes.Encode(rq));
    }

    [Fact]
    public void AssociateAccept_round_trips()
    {
        var ac = Assert.IsType<AssociateAcceptPdu>(PduBytes.Parse(GoldenPdus.AssociateAccept));

        Assert.Equal("EDGE", ac.CalledAeTitle);
        Assert.Collection(ac.PresentationContexts,
            pc =>
            {
                Assert.Equal((1, PresentationContextResult.Acceptance, "1.2.840.10008.1.2.1"), (pc.Id, pc.Result, pc.TransferSyntax));
            },
            pc =>
            {
                Assert.Equal((3, PresentationContextResult.TransferSyntaxesNotSupported, ""), (pc.Id, pc.Result, pc.TransferSyntax));
            });
        Assert.Equal(262144u, ac.UserInformation.MaximumLength);
        Assert.Equal(new AsyncOperationsWindow(1, 1), ac.UserInformation.AsyncOperationsWindow);
        Assert.Empty(ac.UserInformation.RoleSelections);
        Assert.Equal(GoldenPdus.AssociateAccept, PduBytes.Encode(ac));
    }

    [Fact]
    public void AssociateReject_round_trips()
    {
        var rj = Assert.IsType<AssociateRejectPdu>(PduBytes.Parse(GoldenPdus.AssociateReject));

        Assert.Equal(AssociateRejectResult.Transient, rj.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, rj.Source);
        Assert.Equal(2, rj.Reason);
        Assert.Equal(GoldenPdus.AssociateReject, PduBytes.Encode(AssociateRejectPdu.Transient(AssociateRejectReason.LocalLimitExceeded)));
    }

    [Fact]
    public void AssociateReject_reason_table_matches_PS3_8_Table_9_21()
    {
        Assert.Equal((AssociateRejectSource.ServiceUser, (byte)3), (AssociateRejectReason.CallingAeTitleNotRecognized.Source(), AssociateRejectReason.CallingAeTitleNotRecognized.Code()));
        Assert.Equal((AssociateRejectSource.ServiceUser, (byte)7), (AssociateRejectReason.CalledAeTitleNotRecognized.Source(), AssociateRejectReason.CalledAeTitleNotRecognized.Code()));
        Assert.Equal((AssociateRejectSource.ServiceUser, (byte)2), (AssociateRejectReason.ApplicationContextNameNotSupported.Source(), AssociateRejectReason.ApplicationContextNameNotSupported.Code()));
        Assert.Equal((AssociateRejectSource.ServiceProviderAcse, (byte)2), (AssociateRejectReason.ProtocolVersionNotSupported.Source(), AssociateRejectReason.ProtocolVersionNotSupported.Code()));
        Assert.Equal((AssociateRejectSource.ServiceProviderPresentation, (byte)1), (AssociateRejectReason.TemporaryCongestion.Source(), AssociateRejectReason.TemporaryCongestion.Code()));
    }

    [Fact]
    public void DataTransfer_parses_each_value_with_its_context_and_flags()
    {
        var data = Assert.IsType<DataTransferPdu>(PduBytes.Parse(GoldenPdus.DataTransfer));

        Assert.Collection(data.Values,
            v =>
            {
                Assert.Equal((1, true, true), (v.PresentationContextId, v.IsCommand, v.IsLastFragment));
                Assert.Equal(Convert.FromHexString("aabbccdd"), v.Data.ToArray());
            },
            v =>
            {
                Assert.Equal((3, false, false), (v.PresentationContextId, v.IsCommand, v.IsLastFragment));
                Assert.Equal(Convert.FromHexString("eeff"), v.Data.ToArray());
            });
        Assert.Equal(GoldenPdus.DataTransfer, PduBytes.Encode(data));
    }

    [Fact]
    public void Single_value_data_pdu_writer_matches_the_general_encoding()
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        Edge.Dicom.Network.Protocol.PduWriter.WriteDataPdu(writer, 5, isCommand: false, isLast: true, [1, 2, 3, 4]);

        Assert.Equal(Convert.FromHexString("04" + "00" + "0000000a" + "00000006" + "05" + "02" + "01020304"), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Release_pdus_are_singletons_with_four_zero_bytes()
    {
        Assert.Same(ReleaseRequestPdu.Instance, PduBytes.Parse(GoldenPdus.ReleaseRequest));
        Assert.Same(ReleaseResponsePdu.Instance, PduBytes.Parse(GoldenPdus.ReleaseResponse));
        Assert.Equal(GoldenPdus.ReleaseRequest, PduBytes.Encode(ReleaseRequestPdu.Instance));
        Assert.Equal(GoldenPdus.ReleaseResponse, PduBytes.Encode(ReleaseResponsePdu.Instance));
    }

    [Fact]
    public void Abort_round_trips_and_user_aborts_send_reason_zero()
    {
        var abort = Assert.IsType<AbortPdu>(PduBytes.Parse(GoldenPdus.Abort));

        Assert.Equal((AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue), (abort.Source, abort.Reason));
        Assert.Equal(GoldenPdus.Abort, PduBytes.Encode(abort));
        Assert.Equal(Convert.FromHexString("07000000000400000000"), PduBytes.Encode(AbortPdu.ServiceUser));
    }
}
