using Microsoft.Extensions.Configuration;

namespace Edge.Service.Configuration;

/// <summary>
/// The configuration sources of <c>edge-service</c> (and of <c>edgectl</c>, which reads the same files), later ones
/// overriding earlier ones: <c>appsettings.json</c> beside the binary, the site file (<c>/etc/edge/edge.json</c>, or the
/// path in <c>EDGE_CONFIG</c>; optional), environment variables prefixed <c>EDGE_</c> (<c>EDGE_Dicom__Port</c>), and
/// the command line (<c>--Dicom:Port 104</c>).
/// </summary>
public static class EdgeConfiguration
{
    public const string EnvironmentPrefix = "EDGE_";

    /// <summary>Names a different site file; the packaged unit leaves it unset.</summary>
    public const string ConfigFileVariable = "EDGE_CONFIG";

    public const string DefaultConfigFile = "/etc/edge/edge.json";

    public const string AppSettingsFile = "appsettings.json";

    /// <summary>The site configuration file in effect.</summary>
    public static string SiteFile =>
        Environment.GetEnvironmentVariable(ConfigFileVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : DefaultConfigFile;

    public static IConfigurationRoot Build(string[] commandLine) => Build(commandLine, SiteFile);

    public static IConfigurationRoot Build(string[] commandLine, string siteFile)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var builder = new ConfigurationBuilder();
        AddSources(builder, commandLine, siteFile);
        return builder.Build();
    }

    /// <summary>Adds the sources in order to a builder (the host's configuration manager, after clearing its defaults).</summary>
    public static void AddSources(IConfigurationBuilder builder, string[] commandLine, string siteFile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, AppSettingsFile), optional: true, reloadOnChange: false);
        builder.AddJsonFile(siteFile, optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddCommandLine(commandLine);
    }

    /// <summary>A single file on its own, as <c>edgectl config validate FILE</c> checks it.</summary>
    public static IConfigurationRoot FromFile(string path) =>
        new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false).Build();
}
