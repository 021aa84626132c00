namespace Edge.Service;

internal static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("edge-service: not built yet");
        return 1;
    }
}
