using System.CommandLine;

namespace Edge.Cli;

/// <summary>The whole <c>edgectl</c> command tree; each area adds its commands here in one line.</summary>
internal static class CommandTree
{
    public static RootCommand Build()
    {
        var root = new RootCommand("edgectl: provision, inspect and self-test an Edge CT screening appliance");
        return root;
    }
}
