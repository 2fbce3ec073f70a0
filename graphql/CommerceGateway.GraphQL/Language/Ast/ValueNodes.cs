namespace CommerceGateway.GraphQL.Language.Ast;

/// <summary>An input value literal or a variable reference.</summary>
internal abstract record ValueNode(Location Location) : SyntaxNode(Location);

/// <summary>A variable reference: <c>$name</c>.</summary>
internal sealed record VariableNode(string Name, Location Location) : ValueNode(Location);

/// <summary>An integer literal, kept as written so no precision is lost before coercion.</summary>
internal sealed record IntValueNode(string Value, Location Location) : ValueNode(Location);

/// <summary>A float literal, kept as written.</summary>
internal sealed record FloatValueNode(string Value, Location Location) : ValueNode(Location);

/// <summary>A string literal; <see cref="Block"/> remembers the triple-quoted form for printing.</summary>
internal sealed record StringValueNode(string Value, bool Block, Location Location) : ValueNode(Location);

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BooleanValueNode(bool Value, Location Location) : ValueNode(Location);

/// <summary><c>null</c>.</summary>
internal sealed record NullValueNode(Location Location) : ValueNode(Location);

/// <summary>An enum literal: a name other than true, false and null.</summary>
internal sealed record EnumValueNode(string Value, Location Location) : ValueNode(Location);

/// <summary>A list literal.</summary>
internal sealed record ListValueNode(IReadOnlyList<ValueNode> Values, Location Location) : ValueNode(Location);

/// <summary>An input object literal.</summary>
internal sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields, Location Location) : ValueNode(Location);

/// <summary>One field of an input object literal.</summary>
internal sealed record ObjectFieldNode(string Name, ValueNode Value, Location Location) : SyntaxNode(Location);
