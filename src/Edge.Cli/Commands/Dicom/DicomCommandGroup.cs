using System.CommandLine;

namespace Edge.Cli.Commands.Dicom;

/// <summary><c>edgectl dicom ...</c>: file and network DICOM tools. Other areas pass their subcommands in.</summary>
internal static class DicomCommandGroup
{
    public static Command Create(params Command[] extra)
    {
        var group = new Command("dicom", "Inspect DICOM files and talk to DICOM peers");
        group.Subcommands.Add(DumpCommand.Create());
        foreach (Command command in extra)
        {
            group.Subcommands.Add(command);
        }

        return group;
    }
}
