namespace CommerceGateway.GraphQL.Language.Ast;

/// <summary>A definition or extension that belongs to the type system, not to an executable document.</summary>
internal abstract record TypeSystemNode(Location Location) : DefinitionNode(Location);

/// <summary><c>schema { query: Q }</c> or <c>extend schema ...</c>.</summary>
internal sealed record SchemaDefinitionNode(
    string? Description,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes,
    bool IsExtension,
    Location Location) : TypeSystemNode(Location);

/// <summary><c>query: TypeName</c> inside a schema definition.</summary>
internal sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type, Location Location) : SyntaxNode(Location);

/// <summary>The kinds of named type definitions.</summary>
internal enum TypeDefinitionKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

/// <summary>
/// Any named type definition or extension. One record covers the six kinds because they share
/// most parts; the parts a kind cannot have stay empty.
/// </summary>
internal sealed record TypeDefinitionNode(
    TypeDefinitionKind Kind,
    string Name,
    string? Description,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields,
    IReadOnlyList<InputValueDefinitionNode> InputFields,
    IReadOnlyList<NamedTypeNode> UnionMembers,
    IReadOnlyList<EnumValueDefinitionNode> EnumValues,
    bool IsExtension,
    Location Location) : TypeSystemNode(Location);

/// <summary>A field of an object or interface type.</summary>
internal sealed record FieldDefinitionNode(
    string? Description,
    string Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type,
    IReadOnlyList<DirectiveNode> Directives,
    Location Location) : SyntaxNode(Location);

/// <summary>An argument or input field definition.</summary>
internal sealed record InputValueDefinitionNode(
    string? Description,
    string Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives,
    Location Location) : SyntaxNode(Location);

/// <summary>An enum value definition.</summary>
internal sealed record EnumValueDefinitionNode(
    string? Description,
    string Name,
    IReadOnlyList<DirectiveNode> Directives,
    Location Location) : SyntaxNode(Location);

/// <summary><c>directive @name(args) repeatable on LOCATIONS</c>.</summary>
internal sealed record DirectiveDefinitionNode(
    string? Description,
    string Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable,
    IReadOnlyList<string> Locations,
    Location Location) : TypeSystemNode(Location);
