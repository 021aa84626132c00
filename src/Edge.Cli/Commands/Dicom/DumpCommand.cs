using System.CommandLine;
using System.Globalization;
using Edge.Dicom;

namespace Edge.Cli.Commands.Dicom;

/// <summary><c>edgectl dicom dump FILE [--json]</c>: a readable listing or the DICOM JSON model of one file.</summary>
internal static class DumpCommand
{
    /// <summary>Values above this size are not read: a dump of a 500 MB file reads only its header.</summary>
    private const long DefaultBulkThreshold = 1024;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "DICOM file (Part 10, or a bare dataset that can be recognised)" };
        var json = new Option<bool>("--json") { Description = "Print the DICOM JSON model (PS3.18 F.2) of the dataset" };
        var bulk = new Option<long>("--bulk-threshold")
        {
            Description = "Values larger than this many bytes are summarised (text) or given as a file:// BulkDataURI (JSON)",
            DefaultValueFactory = _ => DefaultBulkThreshold,
        };
        var command = new Command("dump", "Print the elements of a DICOM file") { file, json, bulk };
        command.SetAction(result => Run(
            result.GetValue(file)!,
            result.GetValue(json),
            result.GetValue(bulk),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, bool json, long bulkThreshold, TextWriter output, TextWriter error)
    {
        if (bulkThreshold < 0)
        {
            error.WriteLine("edgectl dicom dump: --bulk-threshold must not be negative");
            return 2;
        }

        string text;
        try
        {
            DicomFile file = DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = bulkThreshold });
            text = json
                ? DicomJson.Serialize(file.Dataset, new DicomJsonOptions { Indented = true, BulkDataThreshold = bulkThreshold })
                : DicomDump.ToText(file);
        }
        catch (Exception e) when (e is DicomFormatException or IOException or UnauthorizedAccessException)
        {
            // One line, no stack trace: the message already names the offset and tag of the problem.
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edgectl dicom dump: cannot read {path}: {e.Message}"));
            return 1;
        }

        output.Write(text);
        if (json)
        {
            output.WriteLine();
        }

        return 0;
    }
}
