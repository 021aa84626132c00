namespace Edge.Dicom.Network.Tests.Support;

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public void AssertSuccess(string what) => Assert.True(ExitCode == 0, $"{what} exited {ExitCode}.\nstdout: {Output}\nstderr: {Error}");
}
