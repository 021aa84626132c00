using Spectre.Console;

namespace Edge.Cli.Commands.Field;

/// <summary>Prompts on the terminal (stderr, so stdout stays the command's report).</summary>
internal sealed class ConsolePrompter : IProvisionPrompter
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public string Ask(string question, string? current, Func<string, string?> check)
    {
        // Spectre ends a prompt with ':' only after a default; a question without one needs its own.
        var prompt = new TextPrompt<string>(Markup.Escape(string.IsNullOrEmpty(current) ? question + ":" : question)).AllowEmpty()
            .Validate(answer =>
            {
                string value = answer.Length == 0 ? current ?? string.Empty : answer.Trim();
                return check(value) is { } problem ? ValidationResult.Error(Markup.Escape(problem)) : ValidationResult.Success();
            });
        if (!string.IsNullOrEmpty(current))
        {
            prompt = prompt.DefaultValue(current);
        }

        string answer = _console.Prompt(prompt);
        return answer.Length == 0 ? current ?? string.Empty : answer.Trim();
    }

    public string Choose(string question, IReadOnlyList<string> choices, string? current)
    {
        var prompt = new SelectionPrompt<string>().Title(Markup.Escape(question)).AddChoices(choices);
        if (current is not null && choices.Contains(current))
        {
            // Put the current choice first, so Enter keeps it.
            prompt = new SelectionPrompt<string>().Title(Markup.Escape(question)).AddChoices([current, .. choices.Where(c => c != current)]);
        }

        return _console.Prompt(prompt);
    }
}
