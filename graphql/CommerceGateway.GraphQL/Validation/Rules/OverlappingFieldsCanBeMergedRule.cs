using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation.Rules;

/// <summary>
/// Field selection merging (5.3.2): fields with the same response name must be the same field with
/// the same arguments, or provably never both present, and must have compatible shapes. Follows
/// graphql-js's algorithm, including its caches of compared fragment pairs.
/// </summary>
internal sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private readonly Dictionary<SelectionSetNode, (FieldMap Fields, List<string> Fragments)> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string, string), bool> _comparedFragmentPairs = [];

    public override void EnterSelectionSet(ValidationContext context, SelectionSetNode node)
    {
        var conflicts = new List<Conflict>();
        var (fields, fragments) = FieldsAndFragments(context, context.ParentType, node);
        CollectWithin(context, conflicts, fields);
        for (var i = 0; i < fragments.Count; i++)
        {
            BetweenFieldsAndFragment(context, conflicts, false, fields, fragments[i]);
            for (var j = i + 1; j < fragments.Count; j++)
            {
                BetweenFragments(context, conflicts, false, fragments[i], fragments[j]);
            }
        }

        foreach (var conflict in conflicts)
        {
            context.Report(
                $"Fields \"{conflict.ResponseName}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]);
        }
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class FieldMap : List<(string ResponseName, List<(NamedType? Parent, FieldNode Node, FieldDefinition? Definition)> Fields)>
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public void Add(string responseName, (NamedType?, FieldNode, FieldDefinition?) field)
        {
            if (!_index.TryGetValue(responseName, out var position))
            {
                _index[responseName] = position = Count;
                Add((responseName, []));
            }

            this[position].Fields.Add(field);
        }

        public List<(NamedType? Parent, FieldNode Node, FieldDefinition? Definition)>? Find(string responseName) =>
            _index.TryGetValue(responseName, out var position) ? this[position].Fields : null;
    }

    private (FieldMap Fields, List<string> Fragments) FieldsAndFragments(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fields = new FieldMap();
        var fragments = new List<string>();
        Collect(context, parentType, selectionSet, fields, fragments);
        return _cache[selectionSet] = (fields, fragments);
    }

    private static void Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet, FieldMap fields, List<string> fragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is ComplexGraphType complex ? complex.Fields.GetValueOrDefault(field.Name) : null;
                    fields.Add(field.ResponseKey, (parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragments.Contains(spread.Name))
                    {
                        fragments.Add(spread.Name);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : context.Schema.FindType(inline.TypeCondition.Name);
                    Collect(context, inlineType, inline.SelectionSet, fields, fragments);
                    break;
                default:
                    break;
            }
        }
    }

    private (FieldMap Fields, List<string> Fragments)? ReferencedFieldsAndFragments(ValidationContext context, string fragmentName)
    {
        var fragment = context.Fragment(fragmentName);
        return fragment is null ? null : FieldsAndFragments(context, context.Schema.FindType(fragment.TypeCondition.Name), fragment.SelectionSet);
    }

    private void BetweenFieldsAndFragment(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fields, string fragmentName)
    {
        BetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, fields, fragmentName, new HashSet<string>(StringComparer.Ordinal));
    }

    private void BetweenFieldsAndFragment(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fields, string fragmentName, HashSet<string> visited)
    {
        if (!visited.Add(fragmentName) || ReferencedFieldsAndFragments(context, fragmentName) is not { } referenced || ReferenceEquals(fields, referenced.Fields))
        {
            return;
        }

        CollectBetween(context, conflicts, mutuallyExclusive, fields, referenced.Fields);
        foreach (var nested in referenced.Fragments)
        {
            BetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, fields, nested, visited);
        }
    }

    private void BetweenFragments(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive, string first, string second)
    {
        if (first == second)
        {
            return;
        }

        var key = string.CompareOrdinal(first, second) < 0 ? (first, second) : (second, first);
        if (_comparedFragmentPairs.TryGetValue(key, out var comparedExclusive) && (mutuallyExclusive || !comparedExclusive))
        {
            return;
        }

        _comparedFragmentPairs[key] = mutuallyExclusive;
        if (ReferencedFieldsAndFragments(context, first) is not { } one || ReferencedFieldsAndFragments(context, second) is not { } two)
        {
            return;
        }

        CollectBetween(context, conflicts, mutuallyExclusive, one.Fields, two.Fields);
        foreach (var nested in two.Fragments)
        {
            BetweenFragments(context, conflicts, mutuallyExclusive, first, nested);
        }

        foreach (var nested in one.Fragments)
        {
            BetweenFragments(context, conflicts, mutuallyExclusive, nested, second);
        }
    }

    private void CollectWithin(ValidationContext context, List<Conflict> conflicts, FieldMap fields)
    {
        foreach (var (responseName, list) in fields)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (FindConflict(context, false, responseName, list[i], list[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectBetween(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive, FieldMap first, FieldMap second)
    {
        foreach (var (responseName, fields1) in first)
        {
            if (second.Find(responseName) is not { } fields2)
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(context, mutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(
        ValidationContext context,
        bool parentsMutuallyExclusive,
        string responseName,
        (NamedType? Parent, FieldNode Node, FieldDefinition? Definition) field1,
        (NamedType? Parent, FieldNode Node, FieldDefinition? Definition) field2)
    {
        var mutuallyExclusive = parentsMutuallyExclusive
            || (field1.Parent != field2.Parent && field1.Parent is ObjectGraphType && field2.Parent is ObjectGraphType);
        if (!mutuallyExclusive)
        {
            if (field1.Node.Name != field2.Node.Name)
            {
                return new Conflict(responseName, $"\"{field1.Node.Name}\" and \"{field2.Node.Name}\" are different fields", [field1.Node], [field2.Node]);
            }

            if (!SameArguments(field1.Node, field2.Node))
            {
                return new Conflict(responseName, "they have differing arguments", [field1.Node], [field2.Node]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && TypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [field1.Node], [field2.Node]);
        }

        if (field1.Node.SelectionSet is not { } set1 || field2.Node.SelectionSet is not { } set2)
        {
            return null;
        }

        var sub = BetweenSubSelectionSets(context, mutuallyExclusive, type1?.NamedType, set1, type2?.NamedType, set2);
        if (sub.Count == 0)
        {
            return null;
        }

        var reason = string.Join(" and ", sub.Select(c => $"subfields \"{c.ResponseName}\" conflict because {c.Reason}"));
        return new Conflict(responseName, reason, [field1.Node, .. sub.SelectMany(c => c.Fields1)], [field2.Node, .. sub.SelectMany(c => c.Fields2)]);
    }

    private List<Conflict> BetweenSubSelectionSets(
        ValidationContext context, bool mutuallyExclusive, NamedType? parent1, SelectionSetNode set1, NamedType? parent2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var (fields1, fragments1) = FieldsAndFragments(context, parent1, set1);
        var (fields2, fragments2) = FieldsAndFragments(context, parent2, set2);
        CollectBetween(context, conflicts, mutuallyExclusive, fields1, fields2);
        foreach (var fragment in fragments2)
        {
            BetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, fields1, fragment);
        }

        foreach (var fragment in fragments1)
        {
            BetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, fields2, fragment);
        }

        foreach (var fragment1 in fragments1)
        {
            foreach (var fragment2 in fragments2)
            {
                BetweenFragments(context, conflicts, mutuallyExclusive, fragment1, fragment2);
            }
        }

        return conflicts;
    }

    private static bool SameArguments(FieldNode first, FieldNode second)
    {
        if (first.Arguments.Count != second.Arguments.Count)
        {
            return false;
        }

        foreach (var argument in first.Arguments)
        {
            var other = second.Arguments.FirstOrDefault(a => a.Name == argument.Name);
            if (other is null || Stringify(argument.Value) != Stringify(other.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Prints a value with object fields sorted, so <c>{a: 1, b: 2}</c> equals <c>{b: 2, a: 1}</c>.</summary>
    private static string Stringify(ValueNode value) => ValidationContext.Print(Sort(value));

    private static ValueNode Sort(ValueNode value) => value switch
    {
        ObjectValueNode obj => obj with
        {
            Fields = obj.Fields.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f with { Value = Sort(f.Value) }).ToList(),
        },
        ListValueNode list => list with { Values = list.Values.Select(Sort).ToList() },
        _ => value,
    };

    private static bool TypesConflict(GraphType type1, GraphType type2)
    {
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || TypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || TypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        return (type1.IsLeaf || type2.IsLeaf) && type1 != type2;
    }
}
