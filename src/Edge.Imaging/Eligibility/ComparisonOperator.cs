namespace Edge.Imaging.Eligibility;

/// <summary>The comparison in a string condition such as <c>"&gt;= 40"</c>.</summary>
public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}
