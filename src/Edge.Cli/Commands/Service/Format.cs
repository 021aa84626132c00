using System.Globalization;
using Edge.Inference.Screening;

namespace Edge.Cli.Commands.Service;

/// <summary>How the service commands print numbers, sizes and times for people.</summary>
internal static class Format
{
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    public static string Bytes(long bytes) => bytes switch
    {
        < 0 => "?",
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.##} GiB"),
    };

    public static string Ms(double? ms) => ms is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v / 1000:0.0} s") : "-";

    public static string Probability(double? p) => p is { } v ? ScoreText.Format(v) : "-";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Decision(string decision) => decision switch
    {
        "suspicious" => "[bold red]suspicious[/]",
        "negative" => "[green]negative[/]",
        "failed" => "[yellow]failed[/]",
        _ => Spectre.Console.Markup.Escape(decision),
    };
}
