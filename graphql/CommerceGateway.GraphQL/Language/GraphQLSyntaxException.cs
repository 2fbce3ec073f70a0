namespace CommerceGateway.GraphQL.Language;

/// <summary>A document that does not follow the grammar; the message reads "Syntax Error: ...".</summary>
internal sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException(string description, int line, int column)
        : base("Syntax Error: " + description)
    {
        Line = line;
        Column = column;
    }

    public GraphQLSyntaxException()
    {
    }

    public GraphQLSyntaxException(string message)
        : base(message)
    {
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Column { get; }
}
