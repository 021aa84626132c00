namespace Edge.Dicom;

/// <summary>A transfer syntax (PS3.5 §10): how a dataset's bytes are laid out.</summary>
public sealed partial class DicomTransferSyntax : IEquatable<DicomTransferSyntax>
{
    private DicomTransferSyntax(string uid, string name, Flags flags)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = (flags & Flags.Implicit) == 0;
        IsBigEndian = (flags & Flags.BigEndian) != 0;
        IsDeflated = (flags & Flags.Deflated) != 0;
        IsEncapsulated = (flags & Flags.Encapsulated) != 0;
        IsLossy = (flags & Flags.Lossy) != 0;
        IsRetired = (flags & Flags.Retired) != 0;
        IsKnown = (flags & Flags.Unknown) == 0;
    }

    [Flags]
    private enum Flags
    {
        None = 0,
        Implicit = 1,
        BigEndian = 2,
        Deflated = 4,
        Encapsulated = 8,
        Lossy = 16,
        Retired = 32,
        Unknown = 64,
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    public bool IsBigEndian { get; }

    public bool IsDeflated { get; }

    /// <summary>Pixel data is a sequence of fragments (PS3.5 §A.4).</summary>
    public bool IsEncapsulated { get; }

    public bool IsLossy { get; }

    public bool IsRetired { get; }

    /// <summary>False for a UID this build does not know; such syntaxes are assumed explicit LE encapsulated.</summary>
    public bool IsKnown { get; }

    /// <summary>Finds a transfer syntax by UID; an unknown UID yields an explicit VR LE encapsulated instance.</summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        string trimmed = uid.TrimEnd('\0', ' ');
        return ByUid.TryGetValue(trimmed, out DicomTransferSyntax? ts)
            ? ts
            : new DicomTransferSyntax(trimmed, "Unknown transfer syntax " + trimmed, Flags.Encapsulated | Flags.Unknown);
    }

    /// <summary>True when <paramref name="uid"/> names a transfer syntax this build knows.</summary>
    public static bool TryLookup(string uid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DicomTransferSyntax? syntax)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return ByUid.TryGetValue(uid.TrimEnd('\0', ' '), out syntax);
    }

    public bool Equals(DicomTransferSyntax? other) => other is not null && other.Uid == Uid;

    public override bool Equals(object? obj) => Equals(obj as DicomTransferSyntax);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => Name;

    public static bool operator ==(DicomTransferSyntax? left, DicomTransferSyntax? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(DicomTransferSyntax? left, DicomTransferSyntax? right) => !(left == right);
}
