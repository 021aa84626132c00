using System.Buffers;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Dimse;

/// <summary>
/// Turns PDVs into DIMSE messages and enforces PS3.8 Annex E / PS3.7 §6.3 framing: every PDV names an accepted context;
/// a message's command comes first, then its data set, both on the same context and never interleaved with another
/// message; fragments are even-length; a command is bounded before it is buffered, and so is a data set's total size.
/// </summary>
internal sealed class DimseReceiver
{
    private readonly IReadOnlyDictionary<byte, PresentationContext> _contexts;
    private readonly long _maxDataSetLength;
    private readonly ArrayBufferWriter<byte> _command = new(256);
    private PresentationContext? _commandContext;
    private PresentationContext? _dataSetContext;
    private long _dataSetLength;

    public DimseReceiver(IReadOnlyDictionary<byte, PresentationContext> contexts, long maxDataSetLength)
    {
        _contexts = contexts;
        _maxDataSetLength = maxDataSetLength;
    }

    /// <summary>True between the first fragment of a message and its last: the DIMSE idle timer does not apply then.</summary>
    public bool InMessage => _commandContext is not null || _dataSetContext is not null;

    public long DataSetLength => _dataSetLength;

    public DimseReceiveResult Process(PresentationDataValue pdv)
    {
        if (!_contexts.TryGetValue(pdv.PresentationContextId, out PresentationContext? context))
        {
            ProtocolThrow.Error(ProtocolError.UnknownPresentationContext,
                $"PDV on presentation context {pdv.PresentationContextId}, which was not accepted.");
        }

        if (pdv.Data.Length % 2 != 0)
        {
            // Every DICOM element has even length (PS3.5 §7.1.1), so every message is even; peers split on even
            // boundaries. An odd fragment means the stream is not DICOM any more.
            ProtocolThrow.Error(ProtocolError.OddLengthFragment, $"PDV fragment of odd length {pdv.Data.Length} on context {context.Id}.");
        }

        return pdv.IsCommand ? ProcessCommand(pdv, context) : ProcessDataSet(pdv, context);
    }

    /// <summary>Called after a command announcing a data set: its fragments must follow on the same context.</summary>
    public void ExpectDataSet(PresentationContext context)
    {
        _dataSetContext = context;
        _dataSetLength = 0;
    }

    private DimseReceiveResult ProcessCommand(PresentationDataValue pdv, PresentationContext context)
    {
        if (_dataSetContext is not null)
        {
            ProtocolThrow.Error(ProtocolError.InterleavedFragments, "Command fragment received while a data set was still expected.");
        }

        if (_commandContext is not null && _commandContext.Id != context.Id)
        {
            ProtocolThrow.Error(ProtocolError.InterleavedFragments,
                $"Command fragment on context {context.Id} interleaved with a command on context {_commandContext.Id}.");
        }

        if (_command.WrittenCount + pdv.Data.Length > CommandSetCodec.MaxCommandLength)
        {
            ProtocolThrow.Error(ProtocolError.CommandTooLarge, $"Command set exceeds {CommandSetCodec.MaxCommandLength} bytes.");
        }

        _commandContext = context;
        foreach (ReadOnlyMemory<byte> segment in pdv.Data)
        {
            _command.Write(segment.Span);
        }

        if (!pdv.IsLastFragment)
        {
            return new DimseReceiveResult(DimseReceiveKind.Pending);
        }

        DimseCommand command = CommandSetCodec.Decode(new ReadOnlySequence<byte>(_command.WrittenMemory));
        _command.ResetWrittenCount();
        _commandContext = null;
        return new DimseReceiveResult(DimseReceiveKind.Command, context, command);
    }

    private DimseReceiveResult ProcessDataSet(PresentationDataValue pdv, PresentationContext context)
    {
        if (_dataSetContext is null)
        {
            ProtocolThrow.Error(ProtocolError.DataWithoutCommand,
                _commandContext is null ? "Data set fragment without a preceding command." : "Data set fragment before its command was complete.");
        }

        if (_dataSetContext.Id != context.Id)
        {
            ProtocolThrow.Error(ProtocolError.InterleavedFragments,
                $"Data set fragment on context {context.Id}; its command came on context {_dataSetContext.Id}.");
        }

        _dataSetLength += pdv.Data.Length;
        if (_dataSetLength > _maxDataSetLength)
        {
            ProtocolThrow.Error(ProtocolError.MessageTooLarge, $"Data set exceeds the {_maxDataSetLength}-byte message limit.");
        }

        if (pdv.IsLastFragment)
        {
            _dataSetContext = null;
        }

        return new DimseReceiveResult(DimseReceiveKind.DataSetFragment, context, Data: pdv.Data, IsLastFragment: pdv.IsLastFragment);
    }
}
