using System.Globalization;
using System.Text;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Language;

/// <summary>Prints an AST back to GraphQL text in the layout graphql-js uses (two-space indents).</summary>
internal static partial class Printer
{
    public static string Print(SyntaxNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, SyntaxNode node, int indent)
    {
        switch (node)
        {
            case DocumentNode document:
                for (var i = 0; i < document.Definitions.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append("\n\n");
                    }

                    Write(b, document.Definitions[i], 0);
                }

                break;
            case OperationDefinitionNode operation:
                WriteOperation(b, operation, indent);
                break;
            case FragmentDefinitionNode fragment:
                b.Append("fragment ").Append(fragment.Name).Append(" on ").Append(fragment.TypeCondition.Name);
                WriteDirectives(b, fragment.Directives);
                b.Append(' ');
                Write(b, fragment.SelectionSet, indent);
                break;
            case SelectionSetNode selectionSet:
                WriteSelectionSet(b, selectionSet, indent);
                break;
            case FieldNode field:
                if (field.Alias is not null)
                {
                    b.Append(field.Alias).Append(": ");
                }

                b.Append(field.Name);
                WriteArguments(b, field.Arguments);
                WriteDirectives(b, field.Directives);
                if (field.SelectionSet is not null)
                {
                    b.Append(' ');
                    Write(b, field.SelectionSet, indent);
                }

                break;
            case FragmentSpreadNode spread:
                b.Append("...").Append(spread.Name);
                WriteDirectives(b, spread.Directives);
                break;
            case InlineFragmentNode inline:
                b.Append("...");
                if (inline.TypeCondition is not null)
                {
                    b.Append(" on ").Append(inline.TypeCondition.Name);
                }

                WriteDirectives(b, inline.Directives);
                b.Append(' ');
                Write(b, inline.SelectionSet, indent);
                break;
            case ValueNode value:
                WriteValue(b, value);
                break;
            case TypeNode type:
                WriteType(b, type);
                break;
            case DirectiveNode directive:
                b.Append('@').Append(directive.Name);
                WriteArguments(b, directive.Arguments);
                break;
            case TypeSystemNode typeSystem:
                WriteTypeSystem(b, typeSystem);
                break;
            default:
                throw new ArgumentException($"Cannot print {node.GetType().Name}.", nameof(node));
        }
    }

    private static void WriteOperation(StringBuilder b, OperationDefinitionNode operation, int indent)
    {
        var anonymousShorthand = operation.Operation == OperationType.Query && operation.Name is null
            && operation.VariableDefinitions.Count == 0 && operation.Directives.Count == 0;
        if (!anonymousShorthand)
        {
            b.Append(operation.Operation switch
            {
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => "query",
            });
            if (operation.Name is not null)
            {
                b.Append(' ').Append(operation.Name);
            }

            if (operation.VariableDefinitions.Count > 0)
            {
                if (operation.Name is null)
                {
                    b.Append(' ');
                }

                b.Append('(');
                for (var i = 0; i < operation.VariableDefinitions.Count; i++)
                {
                    var variable = operation.VariableDefinitions[i];
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    b.Append('$').Append(variable.Variable.Name).Append(": ");
                    WriteType(b, variable.Type);
                    if (variable.DefaultValue is not null)
                    {
                        b.Append(" = ");
                        WriteValue(b, variable.DefaultValue);
                    }

                    WriteDirectives(b, variable.Directives);
                }

                b.Append(')');
            }

            WriteDirectives(b, operation.Directives);
            b.Append(' ');
        }

        Write(b, operation.SelectionSet, indent);
    }

    private static void WriteSelectionSet(StringBuilder b, SelectionSetNode selectionSet, int indent)
    {
        b.Append("{\n");
        foreach (var selection in selectionSet.Selections)
        {
            b.Append(' ', (indent + 1) * 2);
            Write(b, selection, indent + 1);
            b.Append('\n');
        }

        b.Append(' ', indent * 2).Append('}');
    }

    private static void WriteArguments(StringBuilder b, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        b.Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            b.Append(arguments[i].Name).Append(": ");
            WriteValue(b, arguments[i].Value);
        }

        b.Append(')');
    }

    private static void WriteDirectives(StringBuilder b, IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            b.Append(" @").Append(directive.Name);
            WriteArguments(b, directive.Arguments);
        }
    }

    internal static void WriteType(StringBuilder b, TypeNode type)
    {
        switch (type)
        {
            case NamedTypeNode named:
                b.Append(named.Name);
                break;
            case ListTypeNode list:
                b.Append('[');
                WriteType(b, list.Type);
                b.Append(']');
                break;
            case NonNullTypeNode nonNull:
                WriteType(b, nonNull.Type);
                b.Append('!');
                break;
            default:
                break;
        }
    }

    internal static void WriteValue(StringBuilder b, ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                b.Append('$').Append(variable.Name);
                break;
            case IntValueNode i:
                b.Append(i.Value);
                break;
            case FloatValueNode f:
                b.Append(f.Value);
                break;
            case StringValueNode s:
                b.Append(s.Block ? BlockString.Print(s.Value) : PrintString(s.Value));
                break;
            case BooleanValueNode boolean:
                b.Append(boolean.Value ? "true" : "false");
                break;
            case NullValueNode:
                b.Append("null");
                break;
            case EnumValueNode e:
                b.Append(e.Value);
                break;
            case ListValueNode list:
                b.Append('[');
                for (var i = 0; i < list.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    WriteValue(b, list.Values[i]);
                }

                b.Append(']');
                break;
            case ObjectValueNode obj:
                b.Append('{');
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    b.Append(obj.Fields[i].Name).Append(": ");
                    WriteValue(b, obj.Fields[i].Value);
                }

                b.Append('}');
                break;
            default:
                break;
        }
    }

    /// <summary>A double-quoted string with the escapes graphql-js's printString uses.</summary>
    public static string PrintString(string value)
    {
        var b = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.Append('"').ToString();
    }
}
