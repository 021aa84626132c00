using System.CommandLine;
using Edge.Sync.Fleet;
using Spectre.Console;

namespace Edge.Cli.Commands.Fleet;

/// <summary>
/// <c>edgectl fleet watch --host H --port P [--tls --ca FILE --cert FILE --key FILE] [--shared GROUP] [--json]</c>:
/// subscribes to every device's topics (optionally as a member of an MQTT 5 shared-subscription group),
/// validates each summary against the schema, drops repeats by id, and shows a live table or JSON lines.
/// </summary>
internal static class FleetWatchCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Broker host", Required = true };
        var port = new Option<int>("--port") { Description = "Broker port (default 1883, or 8883 with --tls)" };
        var tls = new Option<bool>("--tls") { Description = "Connect with TLS; the broker certificate must chain to --ca" };
        var ca = new Option<string?>("--ca") { Description = "PEM file of the private CA that signed the broker certificate" };
        var cert = new Option<string?>("--cert") { Description = "PEM client certificate (for brokers that require one)" };
        var key = new Option<string?>("--key") { Description = "PEM private key of --cert" };
        var serverName = new Option<string?>("--server-name") { Description = "Name expected in the broker certificate (default: --host)" };
        var userFile = new Option<string?>("--username-file") { Description = "File whose first line is the MQTT user name" };
        var passwordFile = new Option<string?>("--password-file") { Description = "File whose first line is the MQTT password" };
        var shared = new Option<string?>("--shared") { Description = "Join MQTT 5 shared-subscription group GROUP: consumers in a group split the messages" };
        var clientId = new Option<string?>("--client-id") { Description = "Client id (fix it with --session-expiry to receive what arrived while away)" };
        var sessionExpiry = new Option<uint>("--session-expiry") { Description = "Seconds the broker keeps this consumer's session and queued messages (0: clean session)" };
        var prefix = new Option<string>("--prefix") { Description = "Topic prefix", DefaultValueFactory = _ => "edge/v1" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per message instead of a table" };
        var count = new Option<int>("--count") { Description = "Exit after this many distinct summaries (0: run until Ctrl+C)" };
        var command = new Command("watch", "Watch summaries, alerts, status and heartbeats from every device")
        {
            host, port, tls, ca, cert, key, serverName, userFile, passwordFile, shared, clientId, sessionExpiry, prefix, json, count,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new FleetWatchOptions
            {
                Host = result.GetValue(host)!,
                Port = result.GetValue(port),
                Tls = result.GetValue(tls),
                CaFile = result.GetValue(ca),
                CertFile = result.GetValue(cert),
                KeyFile = result.GetValue(key),
                ServerName = result.GetValue(serverName),
                UsernameFile = result.GetValue(userFile),
                PasswordFile = result.GetValue(passwordFile),
                SharedGroup = result.GetValue(shared),
                ClientId = result.GetValue(clientId),
                SessionExpirySeconds = result.GetValue(sessionExpiry),
                TopicPrefix = result.GetValue(prefix)!,
            };
            return RunAsync(options, result.GetValue(json), result.GetValue(count),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(FleetWatchOptions options, bool json, int count, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        List<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            problems.ForEach(p => error.WriteLine($"edgectl fleet watch: {p}"));
            return 2;
        }

        using var watcher = new FleetWatcher(options);
        try
        {
            await watcher.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or IOException or InvalidOperationException
            or System.Security.Cryptography.CryptographicException or OperationCanceledException)
        {
            error.WriteLine($"edgectl fleet watch: cannot subscribe at {options.Host}: {ex.Message}");
            return 1;
        }

        error.WriteLine($"edgectl fleet watch: subscribed to {options.TopicFilter} at {options.Host}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task keepAlive = watcher.RunAsync(message => error.WriteLine($"edgectl fleet watch: {message}; reconnecting"), stop.Token);
        var view = new FleetView();
        int summaries = 0;
        try
        {
            if (json)
            {
                await foreach (FleetEvent e in watcher.Events.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    output.WriteLine(FleetJson.Line(e));
                    output.Flush();
                    if (Done(e, ref summaries, count))
                    {
                        break;
                    }
                }
            }
            else
            {
                await AnsiConsole.Live(view.Render(watcher)).StartAsync(async live =>
                {
                    await foreach (FleetEvent e in watcher.Events.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        view.Add(e);
                        live.UpdateTarget(view.Render(watcher));
                        if (Done(e, ref summaries, count))
                        {
                            break;
                        }
                    }
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C.
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await keepAlive.ConfigureAwait(false);
        error.WriteLine($"edgectl fleet watch: {summaries} summaries, {watcher.Duplicates} duplicates dropped, {watcher.Invalid} invalid");
        return 0;
    }

    private static bool Done(FleetEvent e, ref int summaries, int count)
    {
        if (e.Kind == FleetMessageKind.Summary)
        {
            summaries++;
        }

        return count > 0 && summaries >= count;
    }
}
