using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Edge.Dicom.Network.Protocol;

/// <summary>Throw helpers kept out of line so the parsing paths stay small.</summary>
internal static class ProtocolThrow
{
    [DoesNotReturn]
    [StackTraceHidden]
    public static void Error(ProtocolError error, string message) => throw new DicomProtocolException(error, message);

    [DoesNotReturn]
    [StackTraceHidden]
    public static T Error<T>(ProtocolError error, string message) => throw new DicomProtocolException(error, message);
}
