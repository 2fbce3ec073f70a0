namespace CommerceGateway.GraphQL.Language.Ast;

/// <summary>A type reference.</summary>
internal abstract record TypeNode(Location Location) : SyntaxNode(Location);

/// <summary>A named type reference.</summary>
internal sealed record NamedTypeNode(string Name, Location Location) : TypeNode(Location);

/// <summary><c>[Type]</c>.</summary>
internal sealed record ListTypeNode(TypeNode Type, Location Location) : TypeNode(Location);

/// <summary><c>Type!</c>.</summary>
internal sealed record NonNullTypeNode(TypeNode Type, Location Location) : TypeNode(Location);
