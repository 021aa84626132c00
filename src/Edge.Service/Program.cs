using Edge.Service.Configuration;
using Edge.Service.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Edge.Service;

/// <summary>
/// <c>edge-service</c>: the appliance daemon. Exit codes: 0 stopped cleanly, 1 start-up failed (port in use, database
/// locked by another process, GPU required but absent ...), 78 (EX_CONFIG) the configuration is invalid; every error is
/// printed, each naming its key.
/// </summary>
internal static class Program
{
    /// <summary>sysexits.h EX_CONFIG; the unit's RestartPreventExitStatus keeps systemd from looping on it.</summary>
    public const int InvalidConfiguration = 78;

    public static async Task<int> Main(string[] args)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = EdgeConfiguration.Build(args);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"edge-service: cannot read the configuration: {ex.Message}").ConfigureAwait(false);
            return InvalidConfiguration;
        }

        ConfigurationReport report = EdgeConfigurationValidator.Validate(configuration, out EdgeSettings? settings);
        foreach (string warning in report.Warnings)
        {
            await Console.Error.WriteLineAsync($"edge-service: warning: {warning}").ConfigureAwait(false);
        }

        if (settings is null)
        {
            await Console.Error.WriteLineAsync($"edge-service: invalid configuration ({report.Errors.Count} error(s)):").ConfigureAwait(false);
            foreach (string error in report.Errors)
            {
                await Console.Error.WriteLineAsync("  " + error).ConfigureAwait(false);
            }

            return InvalidConfiguration;
        }

        try
        {
            await using WebApplication app = EdgeHost.Build(args, settings);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A start-up failure: say what failed in one line (the host has logged the details).
            await Console.Error.WriteLineAsync($"edge-service: start-up failed: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
