using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Executable Definitions (5.1.1): only operations and fragments may appear.</summary>
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override void EnterTypeSystemDefinition(ValidationContext context, TypeSystemNode node)
    {
        var name = node switch
        {
            SchemaDefinitionNode => "schema",
            TypeDefinitionNode type => type.Name,
            DirectiveDefinitionNode directive => directive.Name,
            _ => "definition",
        };
        context.Report($"The \"{name}\" definition is not executable.", node);
    }
}

/// <summary>Operation Name Uniqueness (5.2.1.1).</summary>
internal sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly Dictionary<string, OperationDefinitionNode> _known = new(StringComparer.Ordinal);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is null)
        {
            return;
        }

        if (_known.TryGetValue(node.Name, out var first))
        {
            context.Report($"There can be only one operation named \"{node.Name}\".", first, node);
        }
        else
        {
            _known[node.Name] = node;
        }
    }
}

/// <summary>Lone Anonymous Operation (5.2.2.1).</summary>
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operations;

    public override void EnterDocument(ValidationContext context, DocumentNode node) =>
        _operations = node.Definitions.Count(d => d is OperationDefinitionNode);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is null && _operations > 1)
        {
            context.Report("This anonymous operation must be the only defined operation.", node);
        }
    }
}

/// <summary>
/// Single root field for subscriptions (5.2.3.1). The schema has no subscription type (the engine
/// refuses subscriptions before execution), so like graphql-js this rule has nothing to check.
/// </summary>
internal sealed class SingleFieldSubscriptionsRule : ValidationRule
{
}

/// <summary>Rejects <c>__schema</c> and <c>__type</c> when introspection is turned off.</summary>
internal sealed class NoSchemaIntrospectionRule : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (node.Name is "__schema" or "__type" && context.Type?.NamedType.IsIntrospection == true)
        {
            context.Report($"GraphQL introspection has been disabled, but the requested query contained the field \"{node.Name}\".", node);
        }
    }
}

/// <summary>graphql-js's MaxIntrospectionDepthRule: stops deeply nested introspection queries that cost a lot to answer.</summary>
internal sealed class MaxIntrospectionDepthRule : ValidationRule
{
    private const int MaxListsDepth = 3;

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (node.Name is "__schema" or "__type" && TooDeep(context, node.SelectionSet, [], 0))
        {
            context.Report("Maximum introspection depth exceeded", node);
        }
    }

    private static bool TooDeep(ValidationContext context, SelectionSetNode? selectionSet, HashSet<string> visited, int depth)
    {
        if (selectionSet is null)
        {
            return false;
        }

        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FragmentSpreadNode spread:
                    if (!visited.Add(spread.Name))
                    {
                        continue;
                    }

                    var fragment = context.Fragment(spread.Name);
                    var deep = fragment is not null && TooDeep(context, fragment.SelectionSet, visited, depth);
                    visited.Remove(spread.Name);
                    if (deep)
                    {
                        return true;
                    }

                    break;
                case FieldNode field:
                    var fieldDepth = field.Name is "fields" or "interfaces" or "possibleTypes" or "inputFields" ? depth + 1 : depth;
                    if (fieldDepth >= MaxListsDepth || TooDeep(context, field.SelectionSet, visited, fieldDepth))
                    {
                        return true;
                    }

                    break;
                case InlineFragmentNode inline:
                    if (TooDeep(context, inline.SelectionSet, visited, depth))
                    {
                        return true;
                    }

                    break;
                default:
                    break;
            }
        }

        return false;
    }
}
