using System.CommandLine;

namespace Edge.Cli.Commands.Fleet;

/// <summary><c>edgectl fleet ...</c>: tools for the central site that consumes the devices' MQTT messages.</summary>
internal static class FleetCommandGroup
{
    public static Command Create() => new("fleet", "Central-site tools: watch the summaries, alerts and heartbeats of a fleet of Edge devices")
    {
        FleetWatchCommand.Create(),
    };
}
