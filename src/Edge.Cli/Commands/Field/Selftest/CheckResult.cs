namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>One row of the self-test table.</summary>
internal sealed record CheckResult(string Name, CheckOutcome Outcome, string Detail, double Milliseconds);
