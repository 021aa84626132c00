using System.IO.Pipelines;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Dimse;

/// <summary>
/// Writes DIMSE messages as P-DATA-TF PDUs of one PDV each: command and data set in separate PDVs, fragments even and
/// never larger than the peer's maximum, one message at a time so fragments never interleave.
/// </summary>
internal static class DimseSender
{
    /// <summary>Flush at least this often so the pipe never buffers more than a few PDUs of a large data set.</summary>
    private const int FlushThreshold = 256 * 1024;

    /// <summary>
    /// The largest even fragment that keeps a one-PDV P-DATA-TF within <paramref name="peerMaxLength"/> (PS3.8 D.1:
    /// the limit covers the PDU's variable field: 4-byte item length, context id, control header, fragment).
    /// 0 means the peer set no limit; Edge then uses its own default.
    /// </summary>
    public static int FragmentLength(uint peerMaxLength)
    {
        uint max = peerMaxLength == 0 ? PduLimits.DefaultMaxDataPduLength : Math.Min(peerMaxLength, 16u * 1024 * 1024);
        long fragment = ((long)max - 6) & ~1L;
        if (fragment < 2)
        {
            throw new NotSupportedException($"The peer's maximum PDU length {peerMaxLength} cannot carry any data.");
        }

        return (int)fragment;
    }

    public static async ValueTask SendCommandAsync(UpperLayerConnection connection, PresentationContext context, DimseCommand command,
        int fragmentLength, CancellationToken cancellationToken)
    {
        byte[] bytes = CommandSetCodec.Encode(command);
        connection.BeginDataRequest();
        WriteFragments(connection.Output, context.Id, isCommand: true, bytes, fragmentLength, isLastChunk: true);
        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a whole in-memory data set.</summary>
    public static async ValueTask SendDataSetAsync(UpperLayerConnection connection, PresentationContext context, ReadOnlyMemory<byte> dataSet,
        int fragmentLength, CancellationToken cancellationToken)
    {
        connection.BeginDataRequest();
        int offset = 0;
        do
        {
            // Whole fragments per flush, so only the very last fragment may be short.
            int chunk = Math.Min(Math.Max(1, FlushThreshold / fragmentLength) * fragmentLength, dataSet.Length - offset);
            bool last = offset + chunk == dataSet.Length;
            WriteFragments(connection.Output, context.Id, isCommand: false, dataSet.Span.Slice(offset, chunk), fragmentLength, last);
            offset += chunk;
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        while (offset < dataSet.Length);
    }

    /// <summary>
    /// Streams a data set from a file range straight into the pipe's buffers: each PDU's header is written, then the
    /// file is read into the space behind it, so the bytes are copied once.
    /// </summary>
    public static async ValueTask SendDataSetAsync(UpperLayerConnection connection, PresentationContext context,
        Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, long length, int fragmentLength, CancellationToken cancellationToken)
    {
        if (length % 2 != 0)
        {
            throw new InvalidDataException($"The data set is {length} bytes long; DICOM data sets have even length.");
        }

        connection.BeginDataRequest();
        PipeWriter output = connection.Output;
        long remaining = length;
        int unflushed = 0;
        do
        {
            int chunk = (int)Math.Min(fragmentLength, remaining);
            Memory<byte> memory = output.GetMemory(PduWriter.DataPduOverhead + chunk);
            Memory<byte> body = memory.Slice(PduWriter.DataPduOverhead, chunk);
            // A synchronous read: the file is normally in the page cache, and a thread-pool hop per fragment would
            // cost more than the copy (dcmtk peers default to 16 KiB PDUs, ~10,000 fragments for one CT series).
            int read = 0;
            while (read < chunk)
            {
                int n = RandomAccess.Read(file, body.Span[read..], offset + read);
                if (n == 0)
                {
                    throw new EndOfStreamException("The file ended before its data set did.");
                }

                read += n;
            }

            remaining -= chunk;
            offset += chunk;
            PduWriter.WriteDataPduHeader(memory.Span, context.Id, isCommand: false, isLast: remaining == 0, chunk);
            output.Advance(PduWriter.DataPduOverhead + chunk);
            unflushed += PduWriter.DataPduOverhead + chunk;
            if (unflushed >= FlushThreshold || remaining == 0)
            {
                await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                unflushed = 0;
            }
        }
        while (remaining > 0);
    }

    private static void WriteFragments(PipeWriter output, byte contextId, bool isCommand, ReadOnlySpan<byte> data, int fragmentLength, bool isLastChunk)
    {
        do
        {
            int chunk = Math.Min(fragmentLength, data.Length);
            bool last = isLastChunk && chunk == data.Length;
            PduWriter.WriteDataPdu(output, contextId, isCommand, last, data[..chunk]);
            data = data[chunk..];
        }
        while (!data.IsEmpty);
    }
}
