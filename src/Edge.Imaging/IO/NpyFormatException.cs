namespace Edge.Imaging.IO;

/// <summary>A <c>.npy</c> file that does not follow the NumPy format or holds another type or shape than expected.</summary>
public sealed class NpyFormatException(string message) : Exception(message);
