using System.Text.Json.Nodes;

namespace Edge.Dicom.Tests;

/// <summary>What pydicom says about one corpus file (see pydicom_oracle.py for the rules).</summary>
internal sealed record OracleVerdict(bool PydicomReads, string? Reason, JsonObject? Json, IReadOnlyList<string> Suppressed, string? TransferSyntax);
