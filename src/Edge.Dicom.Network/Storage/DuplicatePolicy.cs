namespace Edge.Dicom.Network.Storage;

/// <summary>What the storage SCP does when an instance with a stored SOP Instance UID arrives again.</summary>
public enum DuplicatePolicy
{
    /// <summary>Replace the stored file atomically and log it (default: a modality resending after a failure means it).</summary>
    Overwrite,

    /// <summary>Keep the stored file, discard the new one, answer Success.</summary>
    KeepFirst,

    /// <summary>Keep the stored file and answer 0111 (duplicate SOP instance).</summary>
    Reject,
}
