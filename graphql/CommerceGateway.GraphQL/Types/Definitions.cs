using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
internal sealed class FieldDefinition(string name, GraphType type)
{
    public string Name { get; } = name;

    public GraphType Type { get; set; } = type;

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    public List<InputValueDefinition> Arguments { get; } = [];

    public Func<IResolverContext, ValueTask<object?>>? Resolver { get; init; }

    /// <summary>Cost this field adds to an operation before list multipliers.</summary>
    public int Cost { get; init; } = 1;

    public InputValueDefinition? FindArgument(string argumentName)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == argumentName)
            {
                return argument;
            }
        }

        return null;
    }
}

/// <summary>An argument, input field or directive argument.</summary>
internal sealed class InputValueDefinition(string name, GraphType type)
{
    public string Name { get; } = name;

    public GraphType Type { get; set; } = type;

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    /// <summary>The default as written (printed in SDL and introspection); null when there is none.</summary>
    public ValueNode? DefaultLiteral { get; init; }

    /// <summary>The default after input coercion, set when the schema is built.</summary>
    public object? DefaultValue { get; set; }

    public bool HasDefault => DefaultLiteral is not null;
}

/// <summary>One value of an enum type.</summary>
internal sealed class EnumValueDefinition(string name, object value)
{
    public string Name { get; } = name;

    public object Value { get; } = value;

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }
}

/// <summary>A directive the schema declares, built-in or custom.</summary>
internal sealed class DirectiveDefinition(string name, IReadOnlyList<string> locations)
{
    public string Name { get; } = name;

    public string? Description { get; init; }

    public IReadOnlyList<string> Locations { get; } = locations;

    public bool IsRepeatable { get; init; }

    public List<InputValueDefinition> Arguments { get; } = [];

    public bool IsBuiltIn { get; init; }

    public InputValueDefinition? FindArgument(string argumentName) => Arguments.Find(a => a.Name == argumentName);
}
