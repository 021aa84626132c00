using System.CommandLine;

namespace Edge.Cli;

/// <summary>The whole <c>edgectl</c> command tree; each area adds its commands here in one line.</summary>
internal static class CommandTree
{
    public static RootCommand Build()
    {
        var root = new RootCommand("edgectl: provision, inspect and self-test an Edge CT screening appliance");
        root.Subcommands.Add(Commands.Dicom.DicomCommandGroup.Create(Commands.Network.EchoCommand.Create(), Commands.Network.SendCommand.Create(), Commands.Network.ListenCommand.Create(), Commands.Dicom.DecodeCommand.Create()));
        root.Subcommands.Add(Commands.Imaging.PhantomCommand.Create());
        root.Subcommands.Add(Commands.Imaging.VolumeCommand.Create());
        root.Subcommands.Add(Commands.Inference.InferCommand.Create());
        root.Subcommands.Add(Commands.Inference.EvalCommand.Create());
        root.Subcommands.Add(Commands.Inference.ModelsCommand.Create());
        root.Subcommands.Add(Commands.Fleet.FleetCommandGroup.Create());
        root.Subcommands.Add(Commands.Service.StatusCommand.Create());
        root.Subcommands.Add(Commands.Service.ResultsCommand.Create());
        root.Subcommands.Add(Commands.Service.OutboxCommand.Create());
        root.Subcommands.Add(Commands.Service.ForwardingCommand.Create());
        root.Subcommands.Add(Commands.Service.SeriesCommand.Create());
        root.Subcommands.Add(Commands.Service.ConfigCommand.Create());
        root.Subcommands.Add(Commands.Field.ProvisionCommand.Create());
        root.Subcommands.Add(Commands.Field.LogsCommand.Create());
        root.Subcommands.Add(Commands.Field.Demo.DemoCommand.Create());
        root.Subcommands.Add(Commands.Field.Selftest.SelftestCommand.Create());
        return root;
    }
}
