namespace Edge.Dicom.Tests;

/// <summary>A forward-only stream of unknown length, as a network connection or an inflater is: whole reads, no trickle.</summary>
internal sealed class NonSeekableStream(byte[] bytes) : TrickleStream(bytes, int.MaxValue);
