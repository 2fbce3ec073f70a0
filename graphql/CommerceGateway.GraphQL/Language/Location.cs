namespace CommerceGateway.GraphQL.Language;

/// <summary>Where a token or node starts in the source: offsets for slicing, line and column (1-based) for errors.</summary>
internal readonly record struct Location(int Start, int End, int Line, int Column)
{
    public static readonly Location None = new(0, 0, 0, 0);
}
