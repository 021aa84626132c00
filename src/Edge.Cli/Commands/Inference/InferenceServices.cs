using Edge.Cli.Commands.Network;
using Edge.Inference;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Microsoft.Extensions.Logging;

namespace Edge.Cli.Commands.Inference;

/// <summary>The inference layer as one CLI command uses it: validated options, the package catalog, sessions, pipeline.</summary>
internal sealed class InferenceServices : IDisposable
{
    private InferenceServices(InferenceOptions options, ModelDirectory directory, IReadOnlyList<ModelCatalogEntry> catalog, ExecutionProviderChain chain, ModelSessionCache sessions, ILogger logger)
    {
        Options = options;
        Directory = directory;
        Catalog = catalog;
        Chain = chain;
        Sessions = sessions;
        Logger = logger;
    }

    public InferenceOptions Options { get; }
    public ModelDirectory Directory { get; }
    public IReadOnlyList<ModelCatalogEntry> Catalog { get; }
    public ExecutionProviderChain Chain { get; }
    public ModelSessionCache Sessions { get; }
    public ILogger Logger { get; }

    public IEnumerable<ModelPackage> ValidPackages => Catalog.Where(e => e.IsValid).Select(e => e.Package!);

    /// <summary>Validates the options and loads the catalog; problems are written to <paramref name="error"/> and null returned.</summary>
    public static InferenceServices? Open(InferenceOptions options, string command, TextWriter error)
    {
        string[] problems = [.. InferenceOptionsValidator.Errors(options)];
        if (problems.Length > 0)
        {
            foreach (string problem in problems)
            {
                error.WriteLine($"edgectl {command}: {problem}");
            }

            return null;
        }

        ModelDirectory directory = ModelDirectoryResolver.Resolve(options.ModelsDirectory);
        if (!System.IO.Directory.Exists(directory.Path))
        {
            error.WriteLine($"edgectl {command}: models folder {directory.Path} ({directory.Source}) does not exist; pass --models DIR");
            return null;
        }

        var logger = new ConsoleErrorLogger<InferenceServices>(error);
        ExecutionProviderChain chain = ExecutionProviderChain.FromOptions(options, logger: logger);
        var sessions = new ModelSessionCache(options, chain, logger: logger);
        return new InferenceServices(options, directory, ModelCatalog.Discover(directory.Path), chain, sessions, logger);
    }

    /// <summary>The packages to run: one named model, or every valid one. Writes why when none qualifies.</summary>
    public IReadOnlyList<ModelPackage>? Select(string? modelId, string command, TextWriter error)
    {
        if (modelId is null)
        {
            ModelPackage[] all = [.. ValidPackages];
            if (all.Length == 0)
            {
                error.WriteLine($"edgectl {command}: no valid model package in {Directory.Path}");
                return null;
            }

            return all;
        }

        ModelCatalogEntry? entry = Catalog.FirstOrDefault(e => e.Package?.Id == modelId || Path.GetFileName(e.Directory) == modelId);
        if (entry is null)
        {
            error.WriteLine($"edgectl {command}: no model '{modelId}' in {Directory.Path} (found: {string.Join(", ", Catalog.Select(e => e.Package?.Id ?? Path.GetFileName(e.Directory)))})");
            return null;
        }

        if (!entry.IsValid)
        {
            error.WriteLine($"edgectl {command}: model '{modelId}' is refused: {entry.Error}");
            return null;
        }

        return [entry.Package!];
    }

    public ScreeningPipeline Pipeline(IReadOnlyList<ModelPackage> packages) => new(packages, Sessions, Logger);

    public void Dispose() => Sessions.Dispose();
}
