using System.Text;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Language;

/// <summary>Printing of type-system definitions, in the SDL layout graphql-js's printSchema produces.</summary>
internal static partial class Printer
{
    private static void WriteTypeSystem(StringBuilder b, TypeSystemNode node)
    {
        switch (node)
        {
            case SchemaDefinitionNode schema:
                WriteDescription(b, schema.Description, string.Empty, firstInBlock: true);
                b.Append(schema.IsExtension ? "extend schema" : "schema");
                WriteDirectives(b, schema.Directives);
                if (schema.OperationTypes.Count > 0)
                {
                    b.Append(" {\n");
                    foreach (var operation in schema.OperationTypes)
                    {
                        b.Append("  ").Append(operation.Operation.ToString().ToLowerInvariant()).Append(": ").Append(operation.Type.Name).Append('\n');
                    }

                    b.Append('}');
                }

                break;
            case DirectiveDefinitionNode directive:
                WriteDescription(b, directive.Description, string.Empty, firstInBlock: true);
                b.Append("directive @").Append(directive.Name);
                WriteArgumentDefinitions(b, directive.Arguments, string.Empty);
                if (directive.Repeatable)
                {
                    b.Append(" repeatable");
                }

                b.Append(" on ").AppendJoin(" | ", directive.Locations);
                break;
            case TypeDefinitionNode type:
                WriteTypeDefinition(b, type);
                break;
            default:
                break;
        }
    }

    private static void WriteTypeDefinition(StringBuilder b, TypeDefinitionNode type)
    {
        WriteDescription(b, type.Description, string.Empty, firstInBlock: true);
        if (type.IsExtension)
        {
            b.Append("extend ");
        }

        b.Append(type.Kind switch
        {
            TypeDefinitionKind.Scalar => "scalar ",
            TypeDefinitionKind.Object => "type ",
            TypeDefinitionKind.Interface => "interface ",
            TypeDefinitionKind.Union => "union ",
            TypeDefinitionKind.Enum => "enum ",
            _ => "input ",
        }).Append(type.Name);
        if (type.Interfaces.Count > 0)
        {
            b.Append(" implements ").AppendJoin(" & ", type.Interfaces.Select(i => i.Name));
        }

        WriteDirectives(b, type.Directives);
        if (type.UnionMembers.Count > 0)
        {
            b.Append(" = ").AppendJoin(" | ", type.UnionMembers.Select(m => m.Name));
        }

        if (type.Fields.Count > 0)
        {
            b.Append(" {\n");
            for (var i = 0; i < type.Fields.Count; i++)
            {
                var field = type.Fields[i];
                WriteDescription(b, field.Description, "  ", i == 0);
                b.Append("  ").Append(field.Name);
                WriteArgumentDefinitions(b, field.Arguments, "  ");
                b.Append(": ");
                WriteType(b, field.Type);
                WriteDirectives(b, field.Directives);
                b.Append('\n');
            }

            b.Append('}');
        }

        if (type.InputFields.Count > 0)
        {
            b.Append(" {\n");
            for (var i = 0; i < type.InputFields.Count; i++)
            {
                WriteDescription(b, type.InputFields[i].Description, "  ", i == 0);
                b.Append("  ");
                WriteInputValue(b, type.InputFields[i]);
                b.Append('\n');
            }

            b.Append('}');
        }

        if (type.EnumValues.Count > 0)
        {
            b.Append(" {\n");
            for (var i = 0; i < type.EnumValues.Count; i++)
            {
                var value = type.EnumValues[i];
                WriteDescription(b, value.Description, "  ", i == 0);
                b.Append("  ").Append(value.Name);
                WriteDirectives(b, value.Directives);
                b.Append('\n');
            }

            b.Append('}');
        }
    }

    private static void WriteArgumentDefinitions(StringBuilder b, IReadOnlyList<InputValueDefinitionNode> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        // graphql-js keeps arguments on one line unless one of them carries a description.
        if (arguments.All(a => a.Description is null))
        {
            b.Append('(');
            for (var i = 0; i < arguments.Count; i++)
            {
                if (i > 0)
                {
                    b.Append(", ");
                }

                WriteInputValue(b, arguments[i]);
            }

            b.Append(')');
            return;
        }

        b.Append("(\n");
        for (var i = 0; i < arguments.Count; i++)
        {
            WriteDescription(b, arguments[i].Description, indentation + "  ", i == 0);
            b.Append(indentation).Append("  ");
            WriteInputValue(b, arguments[i]);
            b.Append('\n');
        }

        b.Append(indentation).Append(')');
    }

    private static void WriteInputValue(StringBuilder b, InputValueDefinitionNode value)
    {
        b.Append(value.Name).Append(": ");
        WriteType(b, value.Type);
        if (value.DefaultValue is not null)
        {
            b.Append(" = ");
            WriteValue(b, value.DefaultValue);
        }

        WriteDirectives(b, value.Directives);
    }

    private static void WriteDescription(StringBuilder b, string? description, string indentation, bool firstInBlock)
    {
        if (description is null)
        {
            return;
        }

        if (indentation.Length > 0 && !firstInBlock)
        {
            b.Append('\n');
        }

        b.Append(indentation).Append(Types.SdlExporter.PrintDescription(description).Replace("\n", "\n" + indentation, StringComparison.Ordinal)).Append('\n');
    }
}
