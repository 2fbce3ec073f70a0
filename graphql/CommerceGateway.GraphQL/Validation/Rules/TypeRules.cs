using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Known type names (5.5.1.2, 5.8.2): fragment conditions and variable types must exist.</summary>
internal sealed class KnownTypeNamesRule : ValidationRule
{
    public override void EnterNamedType(ValidationContext context, NamedTypeNode node)
    {
        if (context.Schema.FindType(node.Name) is not null)
        {
            return;
        }

        var hint = context.Suggestions ? Suggestions.DidYouMean(Suggestions.List(node.Name, context.Schema.Types.Select(t => t.Name))) : string.Empty;
        context.Report($"Unknown type \"{node.Name}\".{hint}", node);
    }
}

/// <summary>Fragments on composite types (5.5.1.3).</summary>
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (node.TypeCondition is not null && context.Schema.FindType(node.TypeCondition.Name) is { } type && !IsComposite(type))
        {
            context.Report($"Fragment cannot condition on non composite type \"{node.TypeCondition.Name}\".", node.TypeCondition);
        }
    }

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (context.Schema.FindType(node.TypeCondition.Name) is { } type && !IsComposite(type))
        {
            context.Report($"Fragment \"{node.Name}\" cannot condition on non composite type \"{node.TypeCondition.Name}\".", node.TypeCondition);
        }
    }

    internal static bool IsComposite(NamedType type) => type is ObjectGraphType or InterfaceGraphType or UnionGraphType;
}

/// <summary>Variables are input types (5.8.2).</summary>
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        var type = context.TypeFromAst(node.Type);
        if (type is not null && !type.IsInputType)
        {
            context.Report($"Variable \"${node.Variable.Name}\" cannot be non-input type \"{ValidationContext.Print(node.Type)}\".", node.Type);
        }
    }
}

/// <summary>Leaf field selections (5.3.3).</summary>
internal sealed class ScalarLeafsRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.Type is not { } type)
        {
            return;
        }

        if (type.IsLeaf && node.SelectionSet is not null)
        {
            context.Report($"Field \"{node.Name}\" must not have a selection since type \"{type}\" has no subfields.", node.SelectionSet);
        }
        else if (!type.IsLeaf && node.SelectionSet is null)
        {
            context.Report($"Field \"{node.Name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{node.Name} {{ ... }}\"?", node);
        }
    }
}

/// <summary>Field selections on objects, interfaces and unions (5.3.1).</summary>
internal sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.ParentType is not { } parent || context.FieldDefinition is not null)
        {
            return;
        }

        var hint = string.Empty;
        if (context.Suggestions)
        {
            var typeSuggestions = SuggestTypes(context.Schema, parent, node.Name);
            hint = typeSuggestions.Count > 0
                ? Suggestions.DidYouMean(typeSuggestions, "to use an inline fragment on")
                : Suggestions.DidYouMean(parent is ComplexGraphType complex ? Suggestions.List(node.Name, complex.FieldList.Select(f => f.Name)) : []);
        }

        context.Report($"Cannot query field \"{node.Name}\" on type \"{parent.Name}\".{hint}", node);
    }

    private static List<string> SuggestTypes(Schema schema, NamedType parent, string fieldName)
    {
        if (parent is not (InterfaceGraphType or UnionGraphType))
        {
            return [];
        }

        var interfaceUsage = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = new List<ObjectGraphType>();
        foreach (var possible in schema.PossibleTypes(parent))
        {
            if (!possible.Fields.ContainsKey(fieldName))
            {
                continue;
            }

            objects.Add(possible);
            foreach (var iface in possible.Interfaces.Where(i => i.Fields.ContainsKey(fieldName)))
            {
                interfaceUsage[iface.Name] = interfaceUsage.GetValueOrDefault(iface.Name) + 1;
            }
        }

        return interfaceUsage.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)
            .Concat(objects.Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal))
            .ToList();
    }
}
