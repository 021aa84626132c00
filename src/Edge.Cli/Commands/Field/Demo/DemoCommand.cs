using System.CommandLine;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary><c>edgectl demo</c>: the README's first command (<c>./build.sh demo</c>).</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var defaults = new DemoOptions();
        var output = new Option<string>("--out") { Description = "Folder for the key image, the summaries, the service log and its configuration", DefaultValueFactory = _ => defaults.OutputDirectory };
        var keep = new Option<bool>("--keep") { Description = "Keep the working directory (received images, database) for a look afterwards" };
        var size = new Option<int>("--size") { Description = "Phantom rows and columns", DefaultValueFactory = _ => defaults.Size };
        var slices = new Option<int>("--slices") { Description = "Phantom slices (2 mm each)", DefaultValueFactory = _ => defaults.Slices };
        var service = new Option<string?>("--service") { Description = "The edge-service binary (default: beside edgectl)" };
        var models = new Option<string?>("--models") { Description = "Model packages folder (default: $EDGE_MODELS_DIR, the checkout's firmware-config/models, /usr/lib/edge/models)" };
        var command = new Command("demo", "Run the appliance's main job end to end: embedded MQTT broker, edge-service, two phantom CT series over DICOM, summaries, key image")
        {
            output, keep, size, slices, service, models,
        };
        command.SetAction(async (r, ct) =>
        {
            int s = r.GetValue(size), n = r.GetValue(slices);
            // 64² is the smallest matrix the reference model's localizer works on; 40 slices of 2 mm reach its 80 mm coverage rule with margin.
            if (s is < 64 or > 512 || n is < 40 or > 400)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"edgectl demo: --size must be 64-512 and --slices 40-400 (were {s} and {n})").ConfigureAwait(false);
                return 2;
            }

            return await new DemoRunner(r.InvocationConfiguration.Output, r.InvocationConfiguration.Error).RunAsync(new DemoOptions
            {
                Size = s,
                Slices = n,
                OutputDirectory = r.GetValue(output)!,
                Keep = r.GetValue(keep),
                ServiceBinary = r.GetValue(service),
                ModelsDirectory = r.GetValue(models),
            }, ct).ConfigureAwait(false);
        });
        return command;
    }
}
