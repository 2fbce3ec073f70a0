using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Argument names exist on the field or directive (5.4.1).</summary>
internal sealed class KnownArgumentNamesRule : ValidationRule
{
    public override void EnterArgument(ValidationContext context, ArgumentNode node)
    {
        if (context.Argument is not null)
        {
            return;
        }

        if (context.Directive is { } directive)
        {
            var hint = context.Suggestions ? Suggestions.DidYouMean(Suggestions.List(node.Name, directive.Arguments.Select(a => a.Name))) : string.Empty;
            context.Report($"Unknown argument \"{node.Name}\" on directive \"@{directive.Name}\".{hint}", node);
        }
        else if (context.FieldDefinition is { } field && context.ParentType is { } parent)
        {
            var hint = context.Suggestions ? Suggestions.DidYouMean(Suggestions.List(node.Name, field.Arguments.Select(a => a.Name))) : string.Empty;
            context.Report($"Unknown argument \"{node.Name}\" on field \"{parent.Name}.{field.Name}\".{hint}", node);
        }
    }
}

/// <summary>Argument uniqueness (5.4.2).</summary>
internal sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node) => Check(context, node.Arguments);

    public override void EnterDirective(ValidationContext context, DirectiveNode node, SyntaxNode owner) => Check(context, node.Arguments);

    private static void Check(ValidationContext context, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        foreach (var group in arguments.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            context.Report($"There can be only one argument named \"{group.Key}\".", [.. group]);
        }
    }
}

/// <summary>Required arguments are provided (5.4.2.1).</summary>
internal sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.FieldDefinition is not { } field)
        {
            return;
        }

        foreach (var argument in field.Arguments)
        {
            if (argument.Type is NonNullType && !argument.HasDefault && !node.Arguments.Any(a => a.Name == argument.Name))
            {
                context.Report($"Field \"{field.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode node, SyntaxNode owner)
    {
        if (context.Directive is not { } directive)
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            if (argument.Type is NonNullType && !argument.HasDefault && !node.Arguments.Any(a => a.Name == argument.Name))
            {
                context.Report($"Directive \"@{directive.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }
}

/// <summary>Input object field uniqueness (5.6.3).</summary>
internal sealed class UniqueInputFieldNamesRule : ValidationRule
{
    public override void EnterValue(ValidationContext context, ValueNode node)
    {
        if (node is not ObjectValueNode { Fields.Count: > 1 } obj)
        {
            return;
        }

        foreach (var group in obj.Fields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var fields = group.ToList();
            for (var i = 1; i < fields.Count; i++)
            {
                context.Report($"There can be only one input field named \"{group.Key}\".", fields[0], fields[i]);
            }
        }
    }
}
