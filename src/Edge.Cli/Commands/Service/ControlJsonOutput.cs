using System.Text.Json;
using Edge.Service.Control;

namespace Edge.Cli.Commands.Service;

/// <summary>--json output: the control API's own document, indented, one per command.</summary>
internal static class ControlJsonOutput
{
    private static readonly JsonSerializerOptions Indented = new(ControlJson.Options) { WriteIndented = true };

    public static async Task<int> WriteAsync<T>(TextWriter output, T value)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(value, Indented)).ConfigureAwait(false);
        return 0;
    }
}
