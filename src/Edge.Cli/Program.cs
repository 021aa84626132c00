using System.CommandLine;

namespace Edge.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        RootCommand root = CommandTree.Build();
        return root.Parse(args).Invoke();
    }
}
