using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Protocol;

public static partial class PduWriter
{
    private const int ItemHeaderLength = 4;

    private static void WriteAssociateRequest(IBufferWriter<byte> output, AssociateRequestPdu rq) =>
        WriteAssociate(output, rq, ProposedContextLength, WriteProposedContext);

    private static void WriteAssociateAccept(IBufferWriter<byte> output, AssociateAcceptPdu ac) =>
        WriteAssociate(output, ac, ContextResultLength, WriteContextResult);

    private delegate void ContextWriter<T>(ref ItemWriter w, T context);

    /// <summary>A-ASSOCIATE-RQ and -AC share their layout (PS3.8 Tables 9-11 and 9-17); only the presentation context items differ.</summary>
    private static void WriteAssociate<TContext>(
        IBufferWriter<byte> output, AssociatePdu<TContext> pdu, Func<TContext, int> contextLength, ContextWriter<TContext> writeContext)
    {
        int userInformationLength = UserInformationLength(pdu.UserInformation);
        int length = 68 + TextItemLength(pdu.ApplicationContextName) + userInformationLength;
        foreach (TContext pc in pdu.PresentationContexts)
        {
            length += contextLength(pc);
        }

        var w = new ItemWriter(output, PduReader.HeaderLength + length);
        w.PduHeader(pdu.Type, length);
        w.FixedFields(pdu.ProtocolVersion, pdu.CalledAeTitle, pdu.CallingAeTitle);
        w.TextItem(ItemType.ApplicationContext, pdu.ApplicationContextName);
        foreach (TContext pc in pdu.PresentationContexts)
        {
            writeContext(ref w, pc);
        }

        w.UserInformation(pdu.UserInformation, userInformationLength);
        w.Commit();
    }

    private static void WriteProposedContext(ref ItemWriter w, PresentationContextItem pc)
    {
        w.ItemHeader(ItemType.PresentationContextRequest, ProposedContextLength(pc) - ItemHeaderLength);
        w.Byte(pc.Id);
        w.Zeros(3);
        w.TextItem(ItemType.AbstractSyntax, pc.AbstractSyntax);
        foreach (string ts in pc.TransferSyntaxes)
        {
            w.TextItem(ItemType.TransferSyntax, ts);
        }
    }

    private static void WriteContextResult(ref ItemWriter w, PresentationContextResultItem pc)
    {
        w.ItemHeader(ItemType.PresentationContextAccept, ContextResultLength(pc) - ItemHeaderLength);
        w.Byte(pc.Id);
        w.Byte(0);
        w.Byte((byte)pc.Result);
        w.Byte(0);
        w.TextItem(ItemType.TransferSyntax, pc.TransferSyntax);
    }

    private static int TextItemLength(string text) => ItemHeaderLength + text.Length;

    private static int ProposedContextLength(PresentationContextItem pc)
    {
        int n = ItemHeaderLength + 4 + TextItemLength(pc.AbstractSyntax);
        foreach (string ts in pc.TransferSyntaxes)
        {
            n += TextItemLength(ts);
        }

        return n;
    }

    private static int ContextResultLength(PresentationContextResultItem pc) => ItemHeaderLength + 4 + TextItemLength(pc.TransferSyntax);

    private static int UserInformationLength(UserInformation ui)
    {
        int n = ItemHeaderLength + ItemHeaderLength + 4 + TextItemLength(ui.ImplementationClassUid);
        if (ui.AsyncOperationsWindow is not null)
        {
            n += ItemHeaderLength + 4;
        }

        foreach (RoleSelectionItem role in ui.RoleSelections)
        {
            n += ItemHeaderLength + 2 + role.SopClassUid.Length + 2;
        }

        if (ui.ImplementationVersionName is not null)
        {
            n += TextItemLength(ui.ImplementationVersionName);
        }

        foreach (UserInformationSubItem other in ui.OtherSubItems)
        {
            n += ItemHeaderLength + other.Value.Length;
        }

        return n;
    }

    /// <summary>Writes into one span sized up front; lengths are computed before writing, never patched afterwards.</summary>
    private ref struct ItemWriter
    {
        private readonly IBufferWriter<byte> _output;
        private readonly Span<byte> _span;
        private readonly int _total;
        private int _position;

        public ItemWriter(IBufferWriter<byte> output, int total)
        {
            _output = output;
            _total = total;
            _span = output.GetSpan(total)[..total];
        }

        public void PduHeader(PduType type, int length)
        {
            Byte((byte)type);
            Byte(0);
            BinaryPrimitives.WriteUInt32BigEndian(_span[_position..], (uint)length);
            _position += 4;
        }

        public void FixedFields(ushort version, string called, string calling)
        {
            UInt16(version);
            Zeros(2);
            AeTitle(called);
            AeTitle(calling);
            Zeros(32);
        }

        public void ItemHeader(byte type, int length)
        {
            if (length > ushort.MaxValue)
            {
                throw new ArgumentException($"Item 0x{type:X2} would be {length} bytes; item lengths are 16-bit (PS3.8 §9.3.2).");
            }

            Byte(type);
            Byte(0);
            UInt16((ushort)length);
        }

        public void TextItem(byte type, string text)
        {
            ItemHeader(type, text.Length);
            Ascii(text);
        }

        public void UserInformation(UserInformation ui, int length)
        {
            ItemHeader(ItemType.UserInformation, length - ItemHeaderLength);
            ItemHeader(ItemType.MaximumLength, 4);
            BinaryPrimitives.WriteUInt32BigEndian(_span[_position..], ui.MaximumLength);
            _position += 4;
            TextItem(ItemType.ImplementationClassUid, ui.ImplementationClassUid);
            if (ui.AsyncOperationsWindow is AsyncOperationsWindow window)
            {
                ItemHeader(ItemType.AsyncOperationsWindow, 4);
                UInt16(window.MaxOperationsInvoked);
                UInt16(window.MaxOperationsPerformed);
            }

            foreach (RoleSelectionItem role in ui.RoleSelections)
            {
                ItemHeader(ItemType.RoleSelection, 2 + role.SopClassUid.Length + 2);
                UInt16((ushort)role.SopClassUid.Length);
                Ascii(role.SopClassUid);
                Byte(role.ScuRole ? (byte)1 : (byte)0);
                Byte(role.ScpRole ? (byte)1 : (byte)0);
            }

            if (ui.ImplementationVersionName is not null)
            {
                TextItem(ItemType.ImplementationVersionName, ui.ImplementationVersionName);
            }

            foreach (UserInformationSubItem other in ui.OtherSubItems)
            {
                ItemHeader(other.ItemType, other.Value.Length);
                other.Value.Span.CopyTo(_span[_position..]);
                _position += other.Value.Length;
            }
        }

        public void Byte(byte value) => _span[_position++] = value;

        public void Zeros(int count)
        {
            _span.Slice(_position, count).Clear();
            _position += count;
        }

        public readonly void Commit()
        {
            if (_position != _total)
            {
                throw new InvalidOperationException($"PDU length mismatch: wrote {_position} of {_total} bytes.");
            }

            _output.Advance(_total);
        }

        private void UInt16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_span[_position..], value);
            _position += 2;
        }

        private void Ascii(string text)
        {
            foreach (char c in text)
            {
                if (c > 0x7E)
                {
                    throw new ArgumentException($"'{text}' is not ASCII.");
                }
            }

            _position += Encoding.ASCII.GetBytes(text, _span[_position..]);
        }

        /// <summary>AE titles occupy 16 bytes, space padded (PS3.8 Table 9-11).</summary>
        private void AeTitle(string ae)
        {
            if (ae.Length > 16)
            {
                throw new ArgumentException($"AE title '{ae}' is longer than 16 characters.");
            }

            Span<byte> field = _span.Slice(_position, 16);
            field.Fill((byte)' ');
            Encoding.Latin1.GetBytes(ae, field);
            _position += 16;
        }
    }
}
