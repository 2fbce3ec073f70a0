namespace CommerceGateway.GraphQL.Language.Ast;

/// <summary>The three operation kinds.</summary>
internal enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>An operation: <c>query Name($v: T) @d { ... }</c> or the query shorthand <c>{ ... }</c>.</summary>
internal sealed record OperationDefinitionNode(
    OperationType Operation,
    string? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    Location Location) : DefinitionNode(Location);

/// <summary>A variable definition: <c>$name: Type = default @d</c>.</summary>
internal sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives,
    Location Location) : SyntaxNode(Location);

/// <summary>A braced list of selections.</summary>
internal sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections, Location Location) : SyntaxNode(Location);

/// <summary>A field, fragment spread or inline fragment.</summary>
internal abstract record SelectionNode(IReadOnlyList<DirectiveNode> Directives, Location Location) : SyntaxNode(Location);

/// <summary>A field selection: <c>alias: name(args) @d { ... }</c>.</summary>
internal sealed record FieldNode(
    string? Alias,
    string Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet,
    Location Location) : SelectionNode(Directives, Location)
{
    /// <summary>The key this field has in the response.</summary>
    public string ResponseKey => Alias ?? Name;
}

/// <summary>A named fragment spread: <c>...Name @d</c>.</summary>
internal sealed record FragmentSpreadNode(string Name, IReadOnlyList<DirectiveNode> Directives, Location Location)
    : SelectionNode(Directives, Location);

/// <summary>An inline fragment: <c>... on Type @d { ... }</c>.</summary>
internal sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    Location Location) : SelectionNode(Directives, Location);

/// <summary>A fragment definition: <c>fragment Name on Type @d { ... }</c>.</summary>
internal sealed record FragmentDefinitionNode(
    string Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    Location Location) : DefinitionNode(Location);
