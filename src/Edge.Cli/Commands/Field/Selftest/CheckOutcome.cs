namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>The verdict of one self-test check. Only <see cref="Fail"/> fails the self-test.</summary>
internal enum CheckOutcome
{
    Pass,

    /// <summary>Not configured on purpose (no PACS destination, no broker): shown, not failing.</summary>
    Warn,

    Fail,
}
