namespace Edge.Service.Configuration;

/// <summary>Everything wrong (errors) or suspicious (warnings) in one configuration, each line naming its key.</summary>
public sealed class ConfigurationReport
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _unusable = [];

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Keys whose values could not be converted; binding skips them so the other checks still run.</summary>
    internal IReadOnlyList<string> UnusableKeys => _unusable;

    public void Error(string key, string message) => _errors.Add($"{key}: {message}");

    public void Warning(string key, string message) => _warnings.Add($"{key}: {message}");

    /// <summary>Adds lines a layer's validator produced; they already name their keys.</summary>
    public void AddErrors(IEnumerable<string> lines) => _errors.AddRange(lines);

    internal void MarkUnusable(string key) => _unusable.Add(key);
}
