using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Inference.Execution;
using Edge.Inference.Packages;

namespace Edge.Inference.Tests.Support;

/// <summary>The committed reference package, verified once, with one CPU session cache for every test that runs it.</summary>
public sealed class ReferenceModelFixture : IDisposable
{
    public ReferenceModelFixture()
    {
        Package = ModelPackageLoader.Load(RepositoryPaths.ReferencePackage);
        Options = new InferenceOptions { ExecutionProviders = ["CPU"] };
        Sessions = new ModelSessionCache(Options, ExecutionProviderChain.FromOptions(Options));
    }

    public ModelPackage Package { get; }
    public InferenceOptions Options { get; }
    public ModelSessionCache Sessions { get; }

    /// <summary>Renders a phantom, writes it as DICOM files and assembles it back, as the appliance receives a series.</summary>
    internal static (AssembledVolume Volume, PhantomGroundTruth Truth) Scan(PhantomOptions options, string directory)
    {
        PhantomVolume phantom = PhantomGenerator.Generate(options);
        PhantomGroundTruth truth = PhantomWriter.Write(phantom, directory, new PhantomOutputOptions { Dicom = true, Labels = false });
        string[] files = Directory.GetFiles(Path.Combine(directory, PhantomWriter.DicomFolder));
        return (VolumeAssembler.AssembleFiles(files), truth);
    }

    public void Dispose() => Sessions.Dispose();
}
