using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Validation;

/// <summary>A variable reference with the input type its position expects.</summary>
internal sealed record VariableUsage(VariableNode Node, GraphType? Type, bool HasLocationDefault);

/// <summary>What rules see while the document is walked: the schema, the current types, fragments and collected usages.</summary>
internal sealed class ValidationContext(Schema schema, DocumentNode document, bool suggestions)
{
    private readonly Dictionary<string, FragmentDefinitionNode>? _fragments = document.Definitions
        .OfType<FragmentDefinitionNode>()
        .GroupBy(f => f.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _spreads = new(ReferenceEqualityComparer.Instance);

    public Schema Schema { get; } = schema;

    public DocumentNode Document { get; } = document;

    /// <summary>False when introspection is off: messages must not reveal schema names by "did you mean".</summary>
    public bool Suggestions { get; } = suggestions;

    public List<GraphQLError> Errors { get; } = [];

    /// <summary>The output type of the current field (or the root/fragment type).</summary>
    public GraphType? Type { get; set; }

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType { get; set; }

    public FieldDefinition? FieldDefinition { get; set; }

    public DirectiveDefinition? Directive { get; set; }

    public InputValueDefinition? Argument { get; set; }

    /// <summary>The input type the current value must have.</summary>
    public GraphType? InputType { get; set; }

    /// <summary>The input type enclosing the current value (list or input object).</summary>
    public GraphType? ParentInputType { get; set; }

    /// <summary>Whether the current input position has a default (so a nullable variable may flow into a non-null one).</summary>
    public bool InputHasDefault { get; set; }

    /// <summary>Variable usages per operation or fragment definition, with expected types.</summary>
    public Dictionary<DefinitionNode, List<VariableUsage>> VariableUsages { get; } = new(ReferenceEqualityComparer.Instance);

    public DefinitionNode? CurrentDefinition { get; set; }

    public void Report(string message, params SyntaxNode[] nodes) =>
        Errors.Add(new GraphQLError(
            message,
            nodes.Select(n => new ErrorLocation(n.Location.Line, n.Location.Column)).ToList(),
            null,
            new Dictionary<string, object?> { ["code"] = ErrorCodes.ValidationFailed }));

    public FragmentDefinitionNode? Fragment(string name) => _fragments!.GetValueOrDefault(name);

    public List<FragmentSpreadNode> FragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var stack = new Stack<SelectionSetNode>();
        stack.Push(selectionSet);
        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } set }:
                        stack.Push(set);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                    default:
                        break;
                }
            }
        }

        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation reaches through spreads, each once.</summary>
    public List<FragmentDefinitionNode> RecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var sets = new Stack<SelectionSetNode>();
        sets.Push(operation.SelectionSet);
        while (sets.Count > 0)
        {
            foreach (var spread in FragmentSpreads(sets.Pop()))
            {
                if (collected.Add(spread.Name) && Fragment(spread.Name) is { } fragment)
                {
                    fragments.Add(fragment);
                    sets.Push(fragment.SelectionSet);
                }
            }
        }

        return fragments;
    }

    /// <summary>Variable usages in the operation and every fragment it reaches.</summary>
    public IEnumerable<VariableUsage> RecursiveVariableUsages(OperationDefinitionNode operation)
    {
        IEnumerable<VariableUsage> usages = VariableUsages.GetValueOrDefault(operation) ?? [];
        foreach (var fragment in RecursivelyReferencedFragments(operation))
        {
            usages = usages.Concat(VariableUsages.GetValueOrDefault(fragment) ?? []);
        }

        return usages;
    }

    public GraphType? TypeFromAst(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => TypeFromAst(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromAst(list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => Schema.FindType(named.Name),
        _ => null,
    };

    public static string Print(SyntaxNode node) => Printer.Print(node);
}
