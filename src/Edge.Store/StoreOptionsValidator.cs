using Microsoft.Extensions.Options;

namespace Edge.Store;

/// <summary>Reports every bad <c>Store:*</c> key at once, each with its key and value.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        List<string> errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Collect(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = StoreOptions.SectionName;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add($"{S}:Path: must name the database file");
        }

        if (options.Password is not null && options.PasswordFile is not null)
        {
            errors.Add($"{S}:PasswordFile: set either Password or PasswordFile, not both");
        }

        if (options.PasswordFile is not null && !File.Exists(options.PasswordFile))
        {
            errors.Add($"{S}:PasswordFile: file not found (was '{options.PasswordFile}')");
        }

        Range(errors, $"{S}:ResultRetentionDays", options.ResultRetentionDays, 1, 3650);
        Range(errors, $"{S}:AuditRetentionDays", options.AuditRetentionDays, 1, 3650);
        Range(errors, $"{S}:FinishedOutboxRetentionDays", options.FinishedOutboxRetentionDays, 1, 3650);
        Range(errors, $"{S}:JobMaxAttempts", options.JobMaxAttempts, 1, 100);

        // Below ~10 pages LiteDB would checkpoint on nearly every commit; above 100k the log could reach 800 MB.
        Range(errors, $"{S}:CheckpointPages", options.CheckpointPages, 10, 100_000);
        return errors;
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key}: must be {min}-{max} (was {value})");
        }
    }
}
