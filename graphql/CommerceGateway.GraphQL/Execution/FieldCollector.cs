using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>The spec's CollectFields(): applies @skip/@include, expands fragments whose type condition applies.</summary>
internal static class FieldCollector
{
    public static CollectedFields Collect(RequestExecution execution, ObjectGraphType type, SelectionSetNode selectionSet)
    {
        if (execution.Plan.Root is { } cached)
        {
            return cached;
        }

        var fields = new CollectedFields();
        CollectInto(execution, type, selectionSet, fields, null);
        execution.Plan.Root = fields.Complete();
        return fields;
    }

    /// <summary>The sub-fields of <paramref name="field"/> on the runtime type <paramref name="type"/>, collected once per plan.</summary>
    public static CollectedFields CollectSubfields(RequestExecution execution, ObjectGraphType type, CollectedField field)
    {
        if (field.CachedChild(type) is { } cached)
        {
            return cached;
        }

        var fields = new CollectedFields();
        HashSet<string>? visited = null;
        foreach (var node in field.Nodes)
        {
            if (node.SelectionSet is not null)
            {
                CollectInto(execution, type, node.SelectionSet, fields, visited ??= []);
            }
        }

        field.CacheChild(type, fields.Complete());
        return fields;
    }

    private static void CollectInto(RequestExecution execution, ObjectGraphType type, SelectionSetNode selectionSet, CollectedFields fields, HashSet<string>? visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Count > 0 && !ShouldInclude(execution, selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    fields.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(execution.Schema, inline.TypeCondition.Name, type))
                    {
                        CollectInto(execution, type, inline.SelectionSet, fields, visited);
                    }

                    break;
                case FragmentSpreadNode spread:
                    visited ??= [];
                    if (!visited.Add(spread.Name) || !execution.Plan.Fragments.TryGetValue(spread.Name, out var fragment)
                        || !Applies(execution.Schema, fragment.TypeCondition.Name, type))
                    {
                        continue;
                    }

                    CollectInto(execution, type, fragment.SelectionSet, fields, visited);
                    break;
                default:
                    break;
            }
        }
    }

    private static bool Applies(Schema schema, string typeCondition, ObjectGraphType type)
    {
        var conditionType = schema.FindType(typeCondition);
        return conditionType == type || (conditionType is InterfaceGraphType or UnionGraphType && schema.IsPossibleType(conditionType, type));
    }

    private static bool ShouldInclude(RequestExecution execution, IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name is not ("skip" or "include"))
            {
                continue;
            }

            var definition = execution.Schema.DirectiveMap[directive.Name];
            var arguments = ArgumentValues.Coerce(definition.Arguments, directive.Arguments, execution.Variables, directive.Location);
            var condition = arguments.GetValueOrDefault("if") is true;
            if (directive.Name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }
}
