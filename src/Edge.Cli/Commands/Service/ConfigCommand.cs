using System.CommandLine;
using System.Text.Json;
using Edge.Service.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Cli.Commands.Service;

/// <summary>
/// <c>edgectl config validate [FILE] [--json]</c>: the check edge-service runs at start, with the same code. With FILE,
/// that file alone (over the built-in defaults); without, the configuration the service would see here (appsettings.json,
/// the site file, EDGE_ variables). Prints every error, each naming its key; exit 0 valid, 1 invalid, 2 unreadable.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "Configuration file to check (default: the effective configuration)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print {\"valid\":..,\"errors\":[..],\"warnings\":[..]}" };
        var validate = new Command("validate", "Check a configuration: every error at once, each naming its key") { file, json };
        validate.SetAction(r => Validate(r.GetValue(file), r.GetValue(json), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return new Command("config", "edge-service configuration") { validate };
    }

    internal static int Validate(string? file, bool json, TextWriter output, TextWriter error)
    {
        IConfigurationRoot configuration;
        string what = file ?? $"the effective configuration ({EdgeConfiguration.SiteFile}, EDGE_ variables)";
        try
        {
            if (file is not null && !File.Exists(file))
            {
                error.WriteLine($"edgectl config validate: {file}: no such file");
                return 2;
            }

            configuration = file is null ? EdgeConfiguration.Build([]) : EdgeConfiguration.FromFile(file);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgectl config validate: {what}: {ex.InnerException?.Message ?? ex.Message}");
            return 2;
        }

        ConfigurationReport report = EdgeConfigurationValidator.Validate(configuration, out _, forService: false);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { valid = report.IsValid, errors = report.Errors, warnings = report.Warnings }));
        }
        else
        {
            foreach (string warning in report.Warnings)
            {
                output.WriteLine($"warning: {warning}");
            }

            foreach (string problem in report.Errors)
            {
                output.WriteLine($"error: {problem}");
            }

            output.WriteLine(report.IsValid ? $"{what}: valid" : $"{what}: {report.Errors.Count} error(s)");
        }

        return report.IsValid ? 0 : 1;
    }
}
