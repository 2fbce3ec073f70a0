using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>Fragment name uniqueness (5.5.1.1).</summary>
internal sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, FragmentDefinitionNode> _known = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (_known.TryGetValue(node.Name, out var first))
        {
            context.Report($"There can be only one fragment named \"{node.Name}\".", first, node);
        }
        else
        {
            _known[node.Name] = node;
        }
    }
}

/// <summary>Fragment spread target defined (5.5.2.1).</summary>
internal sealed class KnownFragmentNamesRule : ValidationRule
{
    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.Fragment(node.Name) is null)
        {
            context.Report($"Unknown fragment \"{node.Name}\".", node);
        }
    }
}

/// <summary>Fragments must be used (5.5.1.4).</summary>
internal sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            foreach (var fragment in context.RecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name);
            }
        }

        foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.Name))
            {
                context.Report($"Fragment \"{fragment.Name}\" is never used.", fragment);
            }
        }
    }
}

/// <summary>Fragment spread is possible (5.5.2.3).</summary>
internal sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (context.Type?.NamedType is { } fragmentType && FragmentsOnCompositeTypesRule.IsComposite(fragmentType)
            && context.ParentType is { } parentType && !Overlap(context.Schema, fragmentType, parentType))
        {
            context.Report($"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", node);
        }
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.Fragment(node.Name) is not { } fragment || context.Schema.FindType(fragment.TypeCondition.Name) is not { } fragmentType
            || !FragmentsOnCompositeTypesRule.IsComposite(fragmentType) || context.ParentType is not { } parentType)
        {
            return;
        }

        if (!Overlap(context.Schema, fragmentType, parentType))
        {
            context.Report($"Fragment \"{node.Name}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", node);
        }
    }

    internal static bool Overlap(Schema schema, NamedType a, NamedType b)
    {
        if (a == b)
        {
            return true;
        }

        if (a is InterfaceGraphType or UnionGraphType)
        {
            return b is InterfaceGraphType or UnionGraphType
                ? schema.PossibleTypes(a).Any(t => schema.IsPossibleType(b, t))
                : b is ObjectGraphType bo && schema.IsPossibleType(a, bo);
        }

        return b is InterfaceGraphType or UnionGraphType && a is ObjectGraphType ao && schema.IsPossibleType(b, ao);
    }
}

/// <summary>Fragment spreads must not form cycles (5.5.2.2).</summary>
internal sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _path = [];
    private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node) => Detect(context, node);

    private void Detect(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (!_visited.Add(fragment.Name))
        {
            return;
        }

        var spreads = context.FragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _pathIndex[fragment.Name] = _path.Count;
        foreach (var spread in spreads)
        {
            if (!_pathIndex.TryGetValue(spread.Name, out var cycleIndex))
            {
                _path.Add(spread);
                if (context.Fragment(spread.Name) is { } target)
                {
                    Detect(context, target);
                }

                _path.RemoveAt(_path.Count - 1);
            }
            else
            {
                var cyclePath = _path.Skip(cycleIndex).ToList();
                var via = string.Join(", ", cyclePath.Take(cyclePath.Count).Select(s => $"\"{s.Name}\""));
                var viaText = cyclePath.Count > 0 ? $" via {via}" : string.Empty;
                context.Report($"Cannot spread fragment \"{spread.Name}\" within itself{viaText}.", [.. cyclePath, spread]);
            }
        }

        _pathIndex.Remove(fragment.Name);
    }
}
