namespace Edge.Imaging.Eligibility;

/// <summary>A rules file that cannot be used; the message names the JSON path of the fault.</summary>
public sealed class RuleFormatException(string message) : Exception(message);
