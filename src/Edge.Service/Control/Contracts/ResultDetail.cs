using Edge.Store.Documents;

namespace Edge.Service.Control.Contracts;

/// <summary><c>GET /results/{id}</c>: the stored result, its series, and the delivery state of its messages.</summary>
public sealed record ResultDetail(ResultRecord Result, SeriesRecord? Series, IReadOnlyList<OutboxItem> Messages);
