using Microsoft.Extensions.Options;

namespace Edge.Sync.Options;

/// <summary>Reports every bad <c>Device:*</c> key at once.</summary>
public sealed class DeviceOptionsValidator : IValidateOptions<DeviceOptions>
{
    public ValidateOptionsResult Validate(string? name, DeviceOptions options)
    {
        List<string> errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Collect(DeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = DeviceOptions.SectionName;
        var e = new OptionErrors();
        if (!TopicNames.IsValidLevel(options.Id))
        {
            e.Add($"{S}:Id", $"must be 1-64 of A-Z a-z 0-9 . _ - (was '{options.Id}')");
        }

        if (!TopicNames.IsValidLevel(options.Site))
        {
            e.Add($"{S}:Site", $"must be 1-64 of A-Z a-z 0-9 . _ - (was '{options.Site}')");
        }

        if (options.HmacSecret is not null && options.HmacSecretFile is not null)
        {
            e.Add($"{S}:HmacSecretFile", "set either Device:HmacSecret or Device:HmacSecretFile, not both");
        }

        e.FileExists($"{S}:HmacSecretFile", options.HmacSecretFile);
        if (options.HmacSecret is { } secret && secret.Trim().Length < DeviceSecret.MinimumLength)
        {
            // The value itself is a secret: report only its length.
            e.Add($"{S}:HmacSecret", $"must be at least {DeviceSecret.MinimumLength} characters (was {secret.Trim().Length})");
        }

        return e.List;
    }
}
