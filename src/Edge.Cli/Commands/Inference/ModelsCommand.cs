using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Edge.Cli.Terminal;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Cli.Commands.Inference;

/// <summary>
/// <c>edgectl models list|verify|warmup</c>: what is installed, whether every file matches its manifest (and every
/// network its declared signature), and loading sessions (building TensorRT engines) ahead of the first scan.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var group = new Command("models", "List, verify and warm up model packages");
        group.Subcommands.Add(CreateList());
        group.Subcommands.Add(CreateVerify());
        group.Subcommands.Add(CreateWarmup());
        return group;
    }

    private static Command CreateList()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var shared = new InferenceCliOptions();
        var command = new Command("list", "List the model packages and whether each is usable") { json };
        shared.AddTo(command);
        command.SetAction(result => List(shared.Read(result), result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateVerify()
    {
        var shared = new InferenceCliOptions();
        var command = new Command("verify", "Check every package's manifest, file hashes and ONNX signatures; exit 1 if any is refused");
        shared.AddTo(command);
        command.SetAction(result => Verify(shared.Read(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateWarmup()
    {
        var model = new Option<string?>("--model") { Description = "Warm up only this model id" };
        var shared = new InferenceCliOptions();
        var command = new Command("warmup", "Create every network's session (building or loading TensorRT engines) and run one batch") { model };
        shared.AddTo(command);
        command.SetAction(result => Warmup(shared.Read(result), result.GetValue(model), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static int List(Edge.Inference.InferenceOptions options, bool json, TextWriter output, TextWriter error)
    {
        using InferenceServices? services = InferenceServices.Open(options, "models list", error);
        if (services is null)
        {
            return 1;
        }

        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("modelsDirectory", services.Directory.Path);
                writer.WriteString("source", services.Directory.Source);
                writer.WriteStartArray("models");
                foreach (ModelCatalogEntry entry in services.Catalog)
                {
                    writer.WriteStartObject();
                    writer.WriteString("directory", entry.Directory);
                    writer.WriteBoolean("valid", entry.IsValid);
                    if (entry.Package is { } p)
                    {
                        ModelManifest m = p.Manifest;
                        OperatingPoint point = m.GetOperatingPoint();
                        writer.WriteString("id", m.Id);
                        writer.WriteString("version", m.Version);
                        writer.WriteString("name", m.Name);
                        writer.WriteString("intendedUse", m.IntendedUse);
                        writer.WriteString("bodyRegion", m.BodyRegion);
                        writer.WriteStartArray("networks");
                        foreach (NetworkSpec n in m.Networks())
                        {
                            writer.WriteStringValue(n.File);
                        }

                        writer.WriteEndArray();
                        writer.WriteNumber("threshold", point.Threshold);
                        writer.WriteNumber("targetSpecificity", point.TargetSpecificity);
                    }
                    else
                    {
                        writer.WriteString("error", entry.Error);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return 0;
        }

        output.WriteLine($"models in {services.Directory.Path} ({services.Directory.Source}):");
        foreach (ModelCatalogEntry entry in services.Catalog)
        {
            if (entry.Package is { } p)
            {
                ModelManifest m = p.Manifest;
                OperatingPoint point = m.GetOperatingPoint();
                output.WriteLine(Invariant($"  {m.Id} {m.Version}  {m.Name}"));
                output.WriteLine(Invariant($"      networks: {string.Join(", ", m.Networks().Select(n => n.File))}; operating point '{point.Name}' threshold {ScoreText.Format(point.Threshold)} (specificity {point.TargetSpecificity:0.###})"));
            }
            else
            {
                output.WriteLine($"  {Path.GetFileName(entry.Directory)}  REFUSED: {entry.Error}");
            }
        }

        if (services.Catalog.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        return 0;
    }

    internal static int Verify(Edge.Inference.InferenceOptions options, TextWriter output, TextWriter error)
    {
        using InferenceServices? services = InferenceServices.Open(options, "models verify", error);
        if (services is null)
        {
            return 1;
        }

        int refused = 0;
        foreach (ModelCatalogEntry entry in services.Catalog)
        {
            if (entry.Package is not { } package)
            {
                refused++;
                output.WriteLine($"REFUSED {Path.GetFileName(entry.Directory)}: {entry.Error}");
                continue;
            }

            try
            {
                // Hashes were checked on load; now the networks themselves against their declared signatures (CPU only, no engines).
                foreach (NetworkSpec network in package.Manifest.Networks())
                {
                    using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1 };
                    using var session = new InferenceSession(package.PathOf(network), sessionOptions);
                    OrtPatchPredictor.CheckSignature(session, network);
                }

                output.WriteLine($"OK      {package.Id} {package.Version}: {package.Manifest.Files.Count} files match their SHA-256, networks match their manifest");
                foreach (string extra in package.UnlistedFiles)
                {
                    output.WriteLine($"        warning: {extra} is not listed in the manifest (never loaded)");
                }
            }
            catch (Exception e) when (e is ManifestValidationException or OnnxRuntimeException)
            {
                refused++;
                output.WriteLine($"REFUSED {package.Id}: {e.Message}");
            }
        }

        if (services.Catalog.Count == 0)
        {
            error.WriteLine($"edgectl models verify: no packages in {services.Directory.Path}");
            return 1;
        }

        return refused == 0 ? 0 : 1;
    }

    internal static int Warmup(Edge.Inference.InferenceOptions options, string? modelId, TextWriter output, TextWriter error)
    {
        using InferenceServices? services = InferenceServices.Open(options, "models warmup", error);
        if (services?.Select(modelId, "models warmup", error) is not { } packages)
        {
            return 1;
        }

        var networks = packages.SelectMany(p => p.Manifest.Networks().Select(n => (Package: p, Network: n))).ToArray();
        using var progress = new TerminalProgress("warming up networks", networks.Length, error);
        int done = 0;
        foreach ((ModelPackage package, NetworkSpec network) in networks)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                ModelSession session = services.Sessions.Get(package, network);
                double loadMs = clock.Elapsed.TotalMilliseconds;
                session.WarmUp();
                output.WriteLine(Invariant(
                    $"{package.Id}/{network.File}: {ExecutionProviderNames.Display(session.Providers.Primary)} (chain {session.Providers.Describe()}), session {loadMs:0} ms, first batch {clock.Elapsed.TotalMilliseconds - loadMs:0} ms"));
            }
            catch (Exception e) when (e is NoExecutionProviderException or OnnxRuntimeException or ManifestValidationException)
            {
                error.WriteLine($"edgectl models warmup: {package.Id}/{network.File}: {e.Message}");
                return 1;
            }

            progress.Report(++done);
        }

        return 0;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
