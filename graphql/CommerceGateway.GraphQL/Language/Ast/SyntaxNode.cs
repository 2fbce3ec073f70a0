namespace CommerceGateway.GraphQL.Language.Ast;

/// <summary>The root of every AST node: where it came from in the source.</summary>
internal abstract record SyntaxNode(Location Location);

/// <summary>A parsed document: executable definitions, type-system definitions, or both.</summary>
internal sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions, Location Location) : SyntaxNode(Location)
{
    /// <summary>The source text, kept so limits and caches can use it without re-reading the request.</summary>
    public string Source { get; init; } = string.Empty;
}

/// <summary>A top-level definition.</summary>
internal abstract record DefinitionNode(Location Location) : SyntaxNode(Location);

/// <summary>An argument or directive argument: <c>name: value</c>.</summary>
internal sealed record ArgumentNode(string Name, ValueNode Value, Location Location) : SyntaxNode(Location);

/// <summary>A directive application: <c>@name(args)</c>.</summary>
internal sealed record DirectiveNode(string Name, IReadOnlyList<ArgumentNode> Arguments, Location Location) : SyntaxNode(Location);
