using System.Net;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Server;

internal sealed partial class ScpAssociation
{
    private async Task<UpperLayerIndication> ServeAsync(UpperLayerConnection connection, IReadOnlyDictionary<byte, PresentationContext> contexts,
        uint peerMaxPdu, IPAddress? remote, CancellationToken stopping)
    {
        int fragmentLength = DimseSender.FragmentLength(peerMaxPdu);
        var receiver = new DimseReceiver(contexts, _context.Options.MaxMessageBytes);
        StoreInProgress? pending = null;
        try
        {
            while (true)
            {
                TimeSpan timeout = receiver.InMessage ? _context.Options.SocketTimeout : _context.Options.DimseTimeout;
                UpperLayerIndication indication = await connection.ReceiveAsync(timeout, stopping).ConfigureAwait(false);
                switch (indication.Kind)
                {
                    case IndicationKind.Data:
                        try
                        {
                            foreach (PresentationDataValue pdv in ((DataTransferPdu)indication.Pdu!).Values)
                            {
                                DimseReceiveResult result = receiver.Process(pdv);
                                if (result.Kind == DimseReceiveKind.Command)
                                {
                                    pending = await OnCommandAsync(connection, receiver, result.Command!, result.Context!, remote, fragmentLength, stopping)
                                        .ConfigureAwait(false);
                                }
                                else if (result.Kind == DimseReceiveKind.DataSetFragment)
                                {
                                    StoreInProgress current = pending!;
                                    OnFragment(current, result);
                                    if (result.IsLastFragment)
                                    {
                                        pending = null;
                                        using (current)
                                        {
                                            await FinishAsync(connection, current, fragmentLength, stopping).ConfigureAwait(false);
                                        }
                                    }
                                }
                            }
                        }
                        catch (DicomProtocolException ex)
                        {
                            return await connection.AbortForProtocolErrorAsync(ex, stopping).ConfigureAwait(false);
                        }

                        break;
                    case IndicationKind.ReleaseRequested:
                        return await connection.RespondReleaseAsync(stopping).ConfigureAwait(false)
                            ?? throw new InvalidOperationException("A release response in Sta8 always ends the association.");
                    default:
                        if (indication.IsTerminal)
                        {
                            return indication;
                        }

                        // Edge never requests release as an acceptor, so collisions cannot happen; anything else is a bug.
                        throw new InvalidOperationException($"Unexpected {indication.Kind} on an established association.");
                }
            }
        }
        finally
        {
            pending?.Dispose();
        }
    }

    private async ValueTask<StoreInProgress?> OnCommandAsync(UpperLayerConnection connection, DimseReceiver receiver, DimseCommand command,
        PresentationContext context, IPAddress? remote, int fragmentLength, CancellationToken stopping)
    {
        if (!command.IsRequest || command.MessageId is null)
        {
            if (command.CommandField == DimseCommandField.CCancelRequest)
            {
                return null;
            }

            ProtocolThrow.Error(ProtocolError.MalformedCommand, $"{command.CommandField} is not a request Edge can answer (message id {command.MessageId}).");
        }

        var pending = new StoreInProgress(command, context);
        switch (command.CommandField)
        {
            case DimseCommandField.CStoreRequest:
                BeginStore(pending, remote);
                break;
            case DimseCommandField.CEchoRequest:
                if (context.AbstractSyntax != DicomUids.Verification)
                {
                    pending.Refuse(DimseStatus.SopClassNotSupported, "C-ECHO outside a Verification context");
                }

                break;
            default:
                pending.Refuse(DimseStatus.UnrecognizedOperation, $"{command.CommandField} is not supported");
                break;
        }

        if (command.HasDataSet)
        {
            receiver.ExpectDataSet(context);
            return pending;
        }

        if (command.CommandField == DimseCommandField.CStoreRequest)
        {
            pending.Refuse(DimseStatus.CannotUnderstand, "C-STORE-RQ without a data set");
        }

        await FinishAsync(connection, pending, fragmentLength, stopping).ConfigureAwait(false);
        pending.Dispose();
        return null;
    }

    private void BeginStore(StoreInProgress pending, IPAddress? remote)
    {
        DimseCommand command = pending.Command;
        if (command.AffectedSopClassUid != pending.Context.AbstractSyntax)
        {
            pending.Refuse(DimseStatus.SopClassNotSupported, "SOP class differs from the presentation context");
            return;
        }

        if (command.AffectedSopInstanceUid is null)
        {
            pending.Refuse(DimseStatus.CannotUnderstand, "C-STORE-RQ without Affected SOP Instance UID");
            return;
        }

        if (_context.Disk.IsLow)
        {
            pending.Refuse(DimseStatus.OutOfResources, "Storage below its free-space threshold");
            NetworkLog.LowDisk(_context.Logger, _context.Disk.FreeBytes, _context.Disk.MinimumFreeBytes);
            return;
        }

        try
        {
            pending.Instance = _context.Store.Begin(new IncomingInstanceHeader(command.AffectedSopClassUid, command.AffectedSopInstanceUid,
                pending.Context.TransferSyntax, _info!.CallingAeTitle, remote, _id));
        }
        catch (IOException ex)
        {
            pending.Refuse(DimseStatus.OutOfResources, $"Cannot create file: {ex.Message}");
        }
    }

    private void OnFragment(StoreInProgress pending, DimseReceiveResult fragment)
    {
        if (pending.Instance is not { } instance)
        {
            return;
        }

        try
        {
            instance.Write(fragment.Data);
        }
        catch (IOException ex)
        {
            // ENOSPC and friends: keep reading the rest of the data set, answer A700 at its end.
            pending.Refuse(DimseStatus.OutOfResources, $"Write failed: {ex.Message}");
        }
    }

    private async ValueTask FinishAsync(UpperLayerConnection connection, StoreInProgress pending, int fragmentLength, CancellationToken stopping)
    {
        ushort status = pending.Status;
        string? comment = pending.ErrorComment;
        if (pending.Instance is { } instance)
        {
            pending.Instance = null;
            StoreOutcome outcome;
            try
            {
                outcome = instance.Complete(DateTimeOffset.UtcNow);
            }
            catch (IOException ex)
            {
                outcome = StoreOutcome.Failed(DimseStatus.OutOfResources, $"Cannot make the file durable: {ex.Message}");
            }
            finally
            {
                instance.Dispose();
            }

            (status, comment) = (outcome.Status, outcome.ErrorComment);
            if (outcome.Instance is { } stored)
            {
                _stored++;
                _bytes += stored.SizeBytes;
                Notify(static (events, s) => events.InstanceStored(s), stored);
            }
        }

        if (pending.Command.CommandField == DimseCommandField.CStoreRequest && status != DimseStatus.Success)
        {
            _failed++;
            NetworkLog.StoreFailed(_context.Logger, _id, pending.Command.AffectedSopInstanceUid ?? "?", DimseStatus.Describe(status), comment ?? string.Empty);
        }

        DimseCommand response = DimseCommand.ResponseTo(pending.Command, status, comment);
        await DimseSender.SendCommandAsync(connection, pending.Context, response, fragmentLength, stopping).ConfigureAwait(false);
    }
}
