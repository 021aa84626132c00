using Edge.Inference.Evaluation;

namespace Edge.Cli.Commands.Inference;

/// <summary>The arguments of one <c>edgectl eval</c> run.</summary>
internal sealed record EvalRequest(int Cohort, int Seed, int Size, string? Model, bool Json, string? Plot, string? Work, LesionRange Lesions);
