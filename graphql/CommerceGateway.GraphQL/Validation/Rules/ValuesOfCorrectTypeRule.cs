using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Values of correct type (5.6.1), including the @oneOf input object rules.</summary>
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override void EnterValue(ValidationContext context, ValueNode node)
    {
        switch (node)
        {
            case VariableNode:
                return;
            case ListValueNode:
                if (context.InputType is { } listType && listType.Nullable is not ListType)
                {
                    CheckLeafOrReport(context, node, listType.Nullable);
                }

                return;
            case ObjectValueNode obj:
                CheckObject(context, obj);
                return;
            case NullValueNode:
                if (context.InputType is NonNullType nonNull)
                {
                    context.Report($"Expected value of type \"{nonNull}\", found null.", node);
                }

                return;
            default:
                if (context.InputType is { } leafType)
                {
                    CheckLeafOrReport(context, node, leafType);
                }

                return;
        }
    }

    public override void EnterObjectField(ValidationContext context, ObjectFieldNode node)
    {
        if (context.ParentInputType?.NamedType is InputObjectGraphType parent && context.InputType is null)
        {
            var hint = context.Suggestions ? Suggestions.DidYouMean(Suggestions.List(node.Name, parent.FieldList.Select(f => f.Name))) : string.Empty;
            context.Report($"Field \"{node.Name}\" is not defined by type \"{parent.Name}\".{hint}", node);
        }
    }

    private static void CheckObject(ValidationContext context, ObjectValueNode node)
    {
        if (context.InputType is not { } type)
        {
            return;
        }

        if (type.NamedType is not InputObjectGraphType input)
        {
            CheckLeafOrReport(context, node, type);
            return;
        }

        foreach (var field in input.FieldList)
        {
            if (field.Type is NonNullType && !field.HasDefault && !node.Fields.Any(f => f.Name == field.Name))
            {
                context.Report($"Field \"{input.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
            }
        }

        if (!input.IsOneOf)
        {
            return;
        }

        if (node.Fields.Count != 1)
        {
            context.Report($"OneOf Input Object \"{input.Name}\" must specify exactly one key.", node);
            return;
        }

        // A nullable variable is allowed here, as graphql-js allows it: a null at run time is refused
        // when the literal is coerced, which is where the spec's OneOf input coercion checks it.
        if (node.Fields[0].Value is NullValueNode)
        {
            context.Report($"Field \"{input.Name}.{node.Fields[0].Name}\" must be non-null.", node);
        }
    }

    private static void CheckLeafOrReport(ValidationContext context, ValueNode node, GraphType locationType)
    {
        var type = locationType.NamedType;
        var typeText = locationType.ToString();
        if (type is InputObjectGraphType)
        {
            context.Report($"Expected value of type \"{typeText}\", found {ValidationContext.Print(node)}.", node);
            return;
        }

        switch (type)
        {
            case EnumGraphType enumType:
                if (node is not EnumValueNode enumValue || !enumType.ByName.ContainsKey(enumValue.Value))
                {
                    var hint = node is EnumValueNode or StringValueNode && context.Suggestions
                        ? Suggestions.DidYouMean(Suggestions.List(node is EnumValueNode e ? e.Value : ((StringValueNode)node).Value, enumType.Values.Select(v => v.Name)))
                        : string.Empty;
                    context.Report($"Value {ValidationContext.Print(node)} does not exist in \"{enumType.Name}\" enum.{hint}", node);
                }

                return;
            case ScalarGraphType scalar:
                var error = InputCoercion.ScalarLiteralError(scalar, node);
                if (error is not null)
                {
                    context.Report(scalar.IsBuiltIn ? error : $"Expected value of type \"{typeText}\", found {ValidationContext.Print(node)}; {error}", node);
                }

                return;
            default:
                return;
        }
    }
}
