namespace Edge.Sync.Options;

/// <summary>Collects option errors in the house format <c>Section:Key: must ... (was value)</c>.</summary>
internal sealed class OptionErrors
{
    private readonly List<string> _errors = [];

    public List<string> List => _errors;

    public void Add(string key, string message) => _errors.Add($"{key}: {message}");

    public void Range(string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(key, $"must be {min}-{max} (was {value})");
        }
    }

    public void FileExists(string key, string? path)
    {
        if (path is not null && !File.Exists(path))
        {
            Add(key, $"file not found (was '{path}')");
        }
    }

    public void Required(string key, string? path, string why)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            Add(key, $"is required {why}");
        }
    }
}
