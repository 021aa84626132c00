using Edge.Cli.Commands.Field;

namespace Edge.Cli.Tests.Field;

/// <summary>Answers provision's questions from a script, checking each answer as the terminal prompt would.</summary>
internal sealed class ScriptedPrompter(params string[] answers) : IProvisionPrompter
{
    private readonly Queue<string> _answers = new(answers);

    public List<string> Questions { get; } = [];

    public string Ask(string question, string? current, Func<string, string?> check)
    {
        Questions.Add(question);
        string answer = _answers.Dequeue();
        string value = answer.Length == 0 ? current ?? string.Empty : answer;
        Assert.Null(check(value));
        return value;
    }

    public string Choose(string question, IReadOnlyList<string> choices, string? current)
    {
        Questions.Add(question);
        string answer = _answers.Dequeue();
        Assert.Contains(answer, choices);
        return answer;
    }
}
