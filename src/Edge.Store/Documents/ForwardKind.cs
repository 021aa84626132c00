namespace Edge.Store.Documents;

/// <summary>What a forwarding item carries: an instance as the modality sent it, or a result object Edge made.</summary>
public enum ForwardKind
{
    Original,

    Result,
}
