using System.Buffers;
using System.Text;
using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Protocol;

public static partial class PduReader
{
    /// <summary>Protocol version, reserved, called AE, calling AE, 32 reserved bytes (PS3.8 Table 9-11).</summary>
    private const int AssociateFixedFieldsLength = 68;

    /// <summary>UIDs are at most 64 characters (PS3.5 §9.1).</summary>
    private const int MaxUidLength = 64;

    /// <summary>Implementation version name is 1-16 characters (PS3.7 D.3.3.2.3).</summary>
    private const int MaxVersionNameLength = 16;

    private static AssociateRequestPdu ParseAssociateRequest(ReadOnlySequence<byte> body) =>
        WithContiguous(body, static span => ParseAssociateRequest(span));

    private static AssociateAcceptPdu ParseAssociateAccept(ReadOnlySequence<byte> body) =>
        WithContiguous(body, static span => ParseAssociateAccept(span));

    /// <summary>Associate PDUs are small and bounded, so a multi-segment body is copied once into a pooled buffer.</summary>
    private static T WithContiguous<T>(ReadOnlySequence<byte> body, SpanParser<T> parse)
    {
        if (body.IsSingleSegment)
        {
            return parse(body.FirstSpan);
        }

        int length = checked((int)body.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return parse(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private delegate T SpanParser<T>(ReadOnlySpan<byte> span);

    private static AssociateRequestPdu ParseAssociateRequest(ReadOnlySpan<byte> body) =>
        ParseAssociate(body, "A-ASSOCIATE-RQ", ItemType.PresentationContextRequest, ParseProposedContext, "proposed",
            static (version, called, calling, application, contexts, user) => new AssociateRequestPdu
            {
                ProtocolVersion = version, CalledAeTitle = called, CallingAeTitle = calling, ApplicationContextName = application,
                PresentationContexts = contexts, UserInformation = user,
            });

    private static AssociateAcceptPdu ParseAssociateAccept(ReadOnlySpan<byte> body) =>
        ParseAssociate(body, "A-ASSOCIATE-AC", ItemType.PresentationContextAccept, ParseContextResult, "answered",
            static (version, called, calling, application, contexts, user) => new AssociateAcceptPdu
            {
                ProtocolVersion = version, CalledAeTitle = called, CallingAeTitle = calling, ApplicationContextName = application,
                PresentationContexts = contexts, UserInformation = user,
            });

    private delegate T ItemParser<T>(ref BigEndianReader item);

    private delegate TPdu AssociateFactory<TPdu, TContext>(
        ushort version, string called, string calling, string applicationContext, List<TContext> contexts, UserInformation userInformation);

    /// <summary>A-ASSOCIATE-RQ and -AC share their layout (PS3.8 Tables 9-11 and 9-17); only their presentation context items differ.</summary>
    private static TPdu ParseAssociate<TPdu, TContext>(
        ReadOnlySpan<byte> body, string pdu, byte contextItemType, ItemParser<TContext> parseContext, string verb,
        AssociateFactory<TPdu, TContext> create)
        where TPdu : AssociatePdu<TContext>
        where TContext : IPresentationContextItem
    {
        var r = new BigEndianReader(body);
        ReadFixedFields(ref r, out ushort version, out string called, out string calling);
        string? appContext = null;
        var contexts = new List<TContext>();
        UserInformation? userInfo = null;
        while (!r.End)
        {
            BigEndianReader item = r.ReadItem(out byte type);
            if (type == contextItemType)
            {
                TContext pc = parseContext(ref item);
                if (contexts.Exists(c => c.Id == pc.Id))
                {
                    ProtocolThrow.Error(ProtocolError.DuplicateItem, $"Presentation context id {pc.Id} is {verb} twice.");
                }

                contexts.Add(pc);
                continue;
            }

            switch (type)
            {
                case ItemType.ApplicationContext:
                    EnsureFirst(appContext is null, "application context");
                    appContext = BigEndianReader.DecodeText(item.ReadBytes(item.Remaining), MaxUidLength, "Application context name");
                    break;
                case ItemType.UserInformation:
                    EnsureFirst(userInfo is null, "user information");
                    userInfo = ParseUserInformation(ref item);
                    break;
                default:
                    ProtocolThrow.Error(ProtocolError.UnknownItemType, $"Unknown item type 0x{type:X2} in {pdu}.");
                    break;
            }
        }

        return create(
            version,
            called,
            calling,
            appContext ?? ProtocolThrow.Error<string>(ProtocolError.MissingItem, $"{pdu} has no application context item."),
            contexts,
            userInfo ?? new UserInformation { ImplementationClassUid = string.Empty });
    }

    private static void ReadFixedFields(ref BigEndianReader r, out ushort version, out string called, out string calling)
    {
        if (r.Remaining < AssociateFixedFieldsLength)
        {
            ProtocolThrow.Error(ProtocolError.InvalidPduLength,
                $"A-ASSOCIATE PDU body is {r.Remaining} bytes; its fixed fields alone need {AssociateFixedFieldsLength}.");
        }

        version = r.ReadUInt16();
        r.Skip(2);
        called = DecodeAeTitle(r.ReadBytes(16));
        calling = DecodeAeTitle(r.ReadBytes(16));
        r.Skip(32);
    }

    /// <summary>
    /// AE titles drop only leading and trailing spaces (PS3.5 Table 6.2-1, AE): every other byte is kept (Latin-1, one
    /// char per byte) so the AE policy can refuse control characters instead of this parser hiding them.
    /// </summary>
    private static string DecodeAeTitle(ReadOnlySpan<byte> field) => Encoding.Latin1.GetString(field.Trim((byte)' '));

    private static void EnsureFirst(bool first, string what)
    {
        if (!first)
        {
            ProtocolThrow.Error(ProtocolError.DuplicateItem, $"More than one {what} item.");
        }
    }

    private static PresentationContextItem ParseProposedContext(ref BigEndianReader item)
    {
        byte id = ReadContextId(ref item);
        item.Skip(3);
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        while (!item.End)
        {
            BigEndianReader sub = item.ReadItem(out byte type);
            string uid = BigEndianReader.DecodeText(sub.ReadBytes(sub.Remaining), MaxUidLength, "Syntax UID");
            switch (type)
            {
                case ItemType.AbstractSyntax:
                    EnsureFirst(abstractSyntax is null, "abstract syntax");
                    abstractSyntax = uid;
                    break;
                case ItemType.TransferSyntax:
                    transferSyntaxes.Add(uid);
                    break;
                default:
                    ProtocolThrow.Error(ProtocolError.UnknownItemType, $"Unknown sub-item 0x{type:X2} in presentation context {id}.");
                    break;
            }
        }

        if (abstractSyntax is null || transferSyntaxes.Count == 0)
        {
            ProtocolThrow.Error(ProtocolError.MissingItem, $"Presentation context {id} lacks an abstract syntax or a transfer syntax.");
        }

        return new PresentationContextItem(id, abstractSyntax, transferSyntaxes);
    }

    private static PresentationContextResultItem ParseContextResult(ref BigEndianReader item)
    {
        byte id = ReadContextId(ref item);
        item.Skip(1);
        byte result = item.ReadByte();
        item.Skip(1);
        if (result > (byte)PresentationContextResult.TransferSyntaxesNotSupported)
        {
            ProtocolThrow.Error(ProtocolError.InvalidItemValue, $"Presentation context {id} has result {result}, which is not 0-4.");
        }

        string transferSyntax = string.Empty;
        while (!item.End)
        {
            BigEndianReader sub = item.ReadItem(out byte type);
            if (type != ItemType.TransferSyntax)
            {
                ProtocolThrow.Error(ProtocolError.UnknownItemType, $"Unknown sub-item 0x{type:X2} in presentation context {id} result.");
            }

            transferSyntax = BigEndianReader.DecodeText(sub.ReadBytes(sub.Remaining), MaxUidLength, "Transfer syntax UID");
        }

        if (result == 0 && transferSyntax.Length == 0)
        {
            ProtocolThrow.Error(ProtocolError.MissingItem, $"Accepted presentation context {id} names no transfer syntax.");
        }

        return new PresentationContextResultItem(id, (PresentationContextResult)result, transferSyntax);
    }

    /// <summary>Presentation context ids are odd integers 1-255 (PS3.8 §9.3.2.2).</summary>
    private static byte ReadContextId(ref BigEndianReader item)
    {
        byte id = item.ReadByte();
        if ((id & 1) == 0)
        {
            ProtocolThrow.Error(ProtocolError.InvalidPresentationContextId, $"Presentation context id {id} is not odd.");
        }

        return id;
    }

    private static UserInformation ParseUserInformation(ref BigEndianReader item)
    {
        uint? maxLength = null;
        string? classUid = null;
        string? versionName = null;
        AsyncOperationsWindow? window = null;
        var roles = new List<RoleSelectionItem>();
        var others = new List<UserInformationSubItem>();
        while (!item.End)
        {
            BigEndianReader sub = item.ReadItem(out byte type);
            switch (type)
            {
                case ItemType.MaximumLength:
                    EnsureFirst(maxLength is null, "maximum length");
                    maxLength = ReadExact(ref sub, 4, "Maximum length").ReadUInt32();
                    break;
                case ItemType.ImplementationClassUid:
                    EnsureFirst(classUid is null, "implementation class UID");
                    classUid = BigEndianReader.DecodeText(sub.ReadBytes(sub.Remaining), MaxUidLength, "Implementation class UID");
                    break;
                case ItemType.ImplementationVersionName:
                    EnsureFirst(versionName is null, "implementation version name");
                    versionName = BigEndianReader.DecodeText(sub.ReadBytes(sub.Remaining), MaxVersionNameLength, "Implementation version name");
                    break;
                case ItemType.AsyncOperationsWindow:
                    EnsureFirst(window is null, "asynchronous operations window");
                    BigEndianReader w = ReadExact(ref sub, 4, "Asynchronous operations window");
                    window = new AsyncOperationsWindow(w.ReadUInt16(), w.ReadUInt16());
                    break;
                case ItemType.RoleSelection:
                    roles.Add(ParseRoleSelection(ref sub));
                    break;
                default:
                    // Extended negotiation (0x56, 0x57), user identity (0x58, 0x59) and future sub-items are skipped
                    // safely: their length was already checked against the user-information item.
                    others.Add(new UserInformationSubItem(type, sub.ReadBytes(sub.Remaining).ToArray()));
                    break;
            }
        }

        return new UserInformation
        {
            MaximumLength = maxLength ?? 0,
            ImplementationClassUid = classUid ?? string.Empty,
            ImplementationVersionName = versionName,
            AsyncOperationsWindow = window,
            RoleSelections = roles,
            OtherSubItems = others,
        };
    }

    private static BigEndianReader ReadExact(ref BigEndianReader sub, int length, string what)
    {
        if (sub.Remaining != length)
        {
            ProtocolThrow.Error(ProtocolError.InvalidItemLength, $"{what} sub-item is {sub.Remaining} bytes; it must be {length}.");
        }

        return sub;
    }

    private static RoleSelectionItem ParseRoleSelection(ref BigEndianReader sub)
    {
        ushort uidLength = sub.ReadUInt16();
        if (uidLength > sub.Remaining)
        {
            ProtocolThrow.Error(ProtocolError.ItemOverrunsContainer, $"Role selection UID length {uidLength} overruns its sub-item.");
        }

        string uid = BigEndianReader.DecodeText(sub.ReadBytes(uidLength), MaxUidLength, "Role selection SOP class UID");
        byte scu = sub.ReadByte();
        byte scp = sub.ReadByte();
        if (!sub.End || scu > 1 || scp > 1)
        {
            ProtocolThrow.Error(ProtocolError.InvalidItemValue, $"Role selection for {uid} is malformed (SCU={scu}, SCP={scp}).");
        }

        return new RoleSelectionItem(uid, scu == 1, scp == 1);
    }
}
