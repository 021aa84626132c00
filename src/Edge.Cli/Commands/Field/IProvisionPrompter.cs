namespace Edge.Cli.Commands.Field;

/// <summary>Questions <c>edgectl provision</c> asks on a terminal; tests answer them from a script.</summary>
internal interface IProvisionPrompter
{
    /// <summary>
    /// Asks for a value. An empty answer takes <paramref name="current"/> (shown as the default), or "" when there is none.
    /// <paramref name="check"/> returns why an answer is not acceptable, and the question is asked again.
    /// </summary>
    string Ask(string question, string? current, Func<string, string?> check);

    /// <summary>One of <paramref name="choices"/>.</summary>
    string Choose(string question, IReadOnlyList<string> choices, string? current);
}
