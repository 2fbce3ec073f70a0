using System.Text;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Types;

/// <summary>Prints a schema as SDL with the same choices as graphql-js printSchema.</summary>
internal static class SdlExporter
{
    public static string Print(Schema schema)
    {
        var parts = new List<string>();
        var commonNames = schema.Query.Name == "Query" && (schema.Mutation is null || schema.Mutation.Name == "Mutation");
        if (schema.Description is not null || !commonNames)
        {
            var operations = new List<OperationTypeDefinitionNode> { new(OperationType.Query, Named(schema.Query), Location.None) };
            if (schema.Mutation is not null)
            {
                operations.Add(new OperationTypeDefinitionNode(OperationType.Mutation, Named(schema.Mutation), Location.None));
            }

            parts.Add(Printer.Print(new SchemaDefinitionNode(schema.Description, [], operations, false, Location.None)));
        }

        foreach (var directive in schema.Directives.Where(d => !d.IsBuiltIn))
        {
            parts.Add(Printer.Print(new DirectiveDefinitionNode(
                directive.Description, directive.Name, directive.Arguments.Select(InputValue).ToList(), directive.IsRepeatable, directive.Locations, Location.None)));
        }

        foreach (var type in schema.Types)
        {
            if (type.IsIntrospection || type is ScalarGraphType { IsBuiltIn: true })
            {
                continue;
            }

            parts.Add(Printer.Print(Definition(type)));
        }

        return string.Join("\n\n", parts);
    }

    private static TypeDefinitionNode Definition(NamedType type)
    {
        IReadOnlyList<NamedTypeNode> interfaces = [];
        IReadOnlyList<FieldDefinitionNode> fields = [];
        IReadOnlyList<InputValueDefinitionNode> inputFields = [];
        IReadOnlyList<NamedTypeNode> members = [];
        IReadOnlyList<EnumValueDefinitionNode> values = [];
        IReadOnlyList<DirectiveNode> directives = [];
        TypeDefinitionKind kind;
        switch (type)
        {
            case ScalarGraphType scalar:
                kind = TypeDefinitionKind.Scalar;
                if (scalar.Implementation.SpecifiedByUrl is { } url)
                {
                    directives = [Directive("specifiedBy", ("url", url))];
                }

                break;
            case ComplexGraphType complex:
                kind = complex is ObjectGraphType ? TypeDefinitionKind.Object : TypeDefinitionKind.Interface;
                interfaces = complex.Interfaces.Select(Named).ToList();
                fields = complex.FieldList.Select(f => new FieldDefinitionNode(
                    f.Description, f.Name, f.Arguments.Select(InputValue).ToList(), TypeNode(f.Type), Deprecated(f.DeprecationReason), Location.None)).ToList();
                break;
            case UnionGraphType union:
                kind = TypeDefinitionKind.Union;
                members = union.Types.Select(Named).ToList();
                break;
            case EnumGraphType enumType:
                kind = TypeDefinitionKind.Enum;
                values = enumType.Values.Select(v => new EnumValueDefinitionNode(v.Description, v.Name, Deprecated(v.DeprecationReason), Location.None)).ToList();
                break;
            default:
                var input = (InputObjectGraphType)type;
                kind = TypeDefinitionKind.InputObject;
                if (input.IsOneOf)
                {
                    directives = [new DirectiveNode("oneOf", [], Location.None)];
                }

                inputFields = input.FieldList.Select(InputValue).ToList();
                break;
        }

        return new TypeDefinitionNode(kind, type.Name, type.Description, interfaces, directives, fields, inputFields, members, values, false, Location.None);
    }

    private static InputValueDefinitionNode InputValue(InputValueDefinition value) => new(
        value.Description,
        value.Name,
        TypeNode(value.Type),
        value.HasDefault ? ValueLiterals.ToLiteral(value.DefaultValue, value.Type) : null,
        Deprecated(value.DeprecationReason),
        Location.None);

    private static IReadOnlyList<DirectiveNode> Deprecated(string? reason) => reason switch
    {
        null => [],
        SchemaBuilder.DefaultDeprecationReason => [new DirectiveNode("deprecated", [], Location.None)],
        _ => [Directive("deprecated", ("reason", reason))],
    };

    private static DirectiveNode Directive(string name, (string Name, string Value) argument) =>
        new(name, [new ArgumentNode(argument.Name, new StringValueNode(argument.Value, false, Location.None), Location.None)], Location.None);

    private static NamedTypeNode Named(NamedType type) => new(type.Name, Location.None);

    public static TypeNode TypeNode(GraphType type) => type switch
    {
        NonNullType nonNull => new NonNullTypeNode(TypeNode(nonNull.OfType), Location.None),
        ListType list => new ListTypeNode(TypeNode(list.OfType), Location.None),
        _ => new NamedTypeNode(((NamedType)type).Name, Location.None),
    };

    /// <summary>graphql-js prints a description as a block string only when that round-trips exactly.</summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        bool isEmptyLine = true, hasIndent = false, hasCommonIndent = true, seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case < '\t' or '\u000b' or '\u000c' or (> '\r' and < ' ') or '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }

    internal static string PrintDescription(string description) =>
        IsPrintableAsBlockString(description) ? BlockString.Print(description) : Printer.PrintString(description);

    internal static StringBuilder AppendDescription(StringBuilder builder, string description) => builder.Append(PrintDescription(description));
}
