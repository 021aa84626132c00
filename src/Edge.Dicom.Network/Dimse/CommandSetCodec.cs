using System.Buffers;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Dimse;

/// <summary>
/// Encodes and decodes DIMSE command sets through the data layer: always Implicit VR Little Endian with
/// (0000,0000) Command Group Length first (PS3.7 §6.3.1, §9.3).
/// </summary>
public static class CommandSetCodec
{
    /// <summary>
    /// Largest command set accepted. A C-STORE-RQ with 64-character UIDs and a move originator is under 250 bytes; no
    /// DIMSE command comes near 64 KiB, so anything larger is not a command and is refused before it is buffered.
    /// </summary>
    public const int MaxCommandLength = 64 * 1024;

    /// <summary>(0000,0000) UL in implicit VR: tag (4) + length (4) + value (4).</summary>
    private const int GroupLengthElementLength = 12;

    /// <summary>(0000,0800) value Edge sends when a data set follows; any value but 0101H means present (PS3.7 §9.3).</summary>
    private const ushort DataSetPresent = 0x0001;

    public static byte[] Encode(DimseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var ds = new DicomDataset();
        if (command.AffectedSopClassUid is not null)
        {
            ds.AddOrUpdate(DicomTags.AffectedSOPClassUID, DicomVR.UI, command.AffectedSopClassUid);
        }

        ds.SetUInt16(DicomTags.CommandField, (ushort)command.CommandField);
        SetOptional(ds, DicomTags.MessageID, command.MessageId);
        SetOptional(ds, DicomTags.MessageIDBeingRespondedTo, command.MessageIdBeingRespondedTo);
        SetOptional(ds, DicomTags.Priority, command.Priority);
        ds.SetUInt16(DicomTags.CommandDataSetType, command.HasDataSet ? DataSetPresent : DimseCommand.NoDataSet);
        SetOptional(ds, DicomTags.Status, command.Status);
        if (command.ErrorComment is not null)
        {
            ds.AddOrUpdate(DicomTags.ErrorComment, DicomVR.LO, command.ErrorComment);
        }

        if (command.AffectedSopInstanceUid is not null)
        {
            ds.AddOrUpdate(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, command.AffectedSopInstanceUid);
        }

        if (command.MoveOriginatorAeTitle is not null)
        {
            ds.AddOrUpdate(DicomTags.MoveOriginatorApplicationEntityTitle, DicomVR.AE, command.MoveOriginatorAeTitle);
        }

        SetOptional(ds, DicomTags.MoveOriginatorMessageID, command.MoveOriginatorMessageId);
        long length = DicomWriter.GetEncodedLength(ds, DicomTransferSyntax.ImplicitVRLittleEndian);
        ds.SetUInt32(DicomTags.CommandGroupLength, checked((uint)length));
        return DicomWriter.ToArray(ds, DicomTransferSyntax.ImplicitVRLittleEndian);
    }

    /// <summary>Decodes a complete command set; anything that is not a well-formed command is a protocol error.</summary>
    public static DimseCommand Decode(ReadOnlySequence<byte> bytes)
    {
        if (bytes.Length > MaxCommandLength)
        {
            ProtocolThrow.Error(ProtocolError.CommandTooLarge, $"Command set of {bytes.Length} bytes exceeds {MaxCommandLength}.");
        }

        if (bytes.Length % 2 != 0 || bytes.Length < GroupLengthElementLength)
        {
            ProtocolThrow.Error(ProtocolError.MalformedCommand, $"Command set length {bytes.Length} is odd or too short.");
        }

        DicomDataset ds;
        try
        {
            ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        }
        catch (DicomFormatException ex)
        {
            throw new DicomProtocolException(ProtocolError.MalformedCommand, $"Command set does not parse: {ex.Message}", ex);
        }

        foreach (DicomItem item in ds)
        {
            if (item.Tag.Group != 0x0000)
            {
                ProtocolThrow.Error(ProtocolError.MalformedCommand, $"Command set holds {item.Tag}, outside group 0000.");
            }
        }

        if (!ds.TryGetUInt32(DicomTags.CommandGroupLength, out uint groupLength) || ds.First().Tag != DicomTags.CommandGroupLength)
        {
            ProtocolThrow.Error(ProtocolError.MalformedCommand, "Command set does not start with (0000,0000) Command Group Length.");
        }

        if (groupLength != bytes.Length - GroupLengthElementLength)
        {
            ProtocolThrow.Error(ProtocolError.CommandGroupLengthMismatch,
                $"Command Group Length says {groupLength} bytes but {bytes.Length - GroupLengthElementLength} follow it.");
        }

        if (!ds.TryGetUInt16(DicomTags.CommandField, out ushort field))
        {
            ProtocolThrow.Error(ProtocolError.MalformedCommand, "Command set has no (0000,0100) Command Field.");
        }

        if (!ds.TryGetUInt16(DicomTags.CommandDataSetType, out ushort dataSetType))
        {
            ProtocolThrow.Error(ProtocolError.MalformedCommand, "Command set has no (0000,0800) Command Data Set Type.");
        }

        return new DimseCommand
        {
            CommandField = (DimseCommandField)field,
            MessageId = GetOptional(ds, DicomTags.MessageID),
            MessageIdBeingRespondedTo = GetOptional(ds, DicomTags.MessageIDBeingRespondedTo),
            AffectedSopClassUid = ds.GetString(DicomTags.AffectedSOPClassUID),
            AffectedSopInstanceUid = ds.GetString(DicomTags.AffectedSOPInstanceUID),
            Priority = GetOptional(ds, DicomTags.Priority),
            HasDataSet = dataSetType != DimseCommand.NoDataSet,
            Status = GetOptional(ds, DicomTags.Status),
            ErrorComment = ds.GetString(DicomTags.ErrorComment),
            MoveOriginatorAeTitle = ds.GetString(DicomTags.MoveOriginatorApplicationEntityTitle),
            MoveOriginatorMessageId = GetOptional(ds, DicomTags.MoveOriginatorMessageID),
        };
    }

    private static void SetOptional(DicomDataset ds, DicomTag tag, ushort? value)
    {
        if (value is ushort v)
        {
            ds.SetUInt16(tag, v);
        }
    }

    private static ushort? GetOptional(DicomDataset ds, DicomTag tag) => ds.TryGetUInt16(tag, out ushort v) ? v : null;
}
