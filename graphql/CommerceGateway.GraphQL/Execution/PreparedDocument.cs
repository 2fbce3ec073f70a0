using System.Collections.Concurrent;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// A parsed and validated document as the document cache holds it: its fragments, the variables
/// that @skip/@include read, and per operation the execution plans and the limit check's verdict
/// when it did not depend on variables.
/// </summary>
internal sealed class PreparedDocument
{
    // More directive-variable combinations than this per operation are executed with a plan of their own.
    private const int MaxPlansPerOperation = 64;
    private const int MaxSignatureVariables = 32;

    private readonly string[] _directiveVariables;
    private readonly Dictionary<OperationDefinitionNode, OperationState> _operations = new(ReferenceEqualityComparer.Instance);

    public PreparedDocument(DocumentNode? document, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Errors = errors;
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        var directiveVariables = new List<string>();
        foreach (var definition in document?.Definitions ?? [])
        {
            switch (definition)
            {
                case FragmentDefinitionNode fragment:
                    fragments.TryAdd(fragment.Name, fragment);
                    CollectDirectiveVariables(fragment.SelectionSet, directiveVariables);
                    break;
                case OperationDefinitionNode operation:
                    _operations.TryAdd(operation, new OperationState());
                    CollectDirectiveVariables(operation.SelectionSet, directiveVariables);
                    break;
                default:
                    break;
            }
        }

        Fragments = fragments;
        _directiveVariables = [.. directiveVariables.Distinct(StringComparer.Ordinal)];
    }

    public DocumentNode? Document { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>The plan for these coerced variables: shared when their @skip/@include values were seen before.</summary>
    public ExecutionPlan PlanFor(OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables)
    {
        if (_directiveVariables.Length > MaxSignatureVariables || !_operations.TryGetValue(operation, out var state))
        {
            return new ExecutionPlan(Fragments);
        }

        ulong signature = 0;
        for (var i = 0; i < _directiveVariables.Length; i++)
        {
            ulong code = !variables.TryGetValue(_directiveVariables[i], out var value) ? 0UL : value switch
            {
                true => 1UL,
                false => 2UL,
                _ => 3UL,
            };
            signature |= code << (2 * i);
        }

        if (state.Plans.TryGetValue(signature, out var plan))
        {
            return plan;
        }

        plan = new ExecutionPlan(Fragments);
        return state.Plans.Count < MaxPlansPerOperation ? state.Plans.GetOrAdd(signature, plan) : plan;
    }

    /// <summary>The schema types of the operation's variables, resolved once.</summary>
    public GraphType?[]? VariableTypes(Schema schema, OperationDefinitionNode operation)
    {
        if (!_operations.TryGetValue(operation, out var state))
        {
            return null;
        }

        return state.VariableTypes ??= VariableValues.TypesOf(schema, operation);
    }

    /// <summary>The limit check's verdict for <paramref name="operation"/>, when an earlier request found it independent of variables.</summary>
    public bool TryGetLimitVerdict(OperationDefinitionNode operation, out GraphQLError? error)
    {
        error = null;
        if (_operations.TryGetValue(operation, out var state) && state.LimitVerdict is { } verdict)
        {
            error = verdict.Error;
            return true;
        }

        return false;
    }

    public void SetLimitVerdict(OperationDefinitionNode operation, GraphQLError? error)
    {
        if (_operations.TryGetValue(operation, out var state))
        {
            state.LimitVerdict = new Verdict(error);
        }
    }

    private static void CollectDirectiveVariables(SelectionSetNode selectionSet, List<string> names)
    {
        foreach (var selection in selectionSet.Selections)
        {
            foreach (var directive in selection.Directives)
            {
                if (directive.Name is "skip" or "include")
                {
                    foreach (var argument in directive.Arguments)
                    {
                        if (argument.Value is VariableNode variable)
                        {
                            names.Add(variable.Name);
                        }
                    }
                }
            }

            var nested = selection switch
            {
                FieldNode field => field.SelectionSet,
                InlineFragmentNode inline => inline.SelectionSet,
                _ => null,
            };
            if (nested is not null)
            {
                CollectDirectiveVariables(nested, names);
            }
        }
    }

    private sealed class OperationState
    {
        public ConcurrentDictionary<ulong, ExecutionPlan> Plans { get; } = new();

        public Verdict? LimitVerdict { get; set; }

        public GraphType?[]? VariableTypes { get; set; }
    }

    private sealed record Verdict(GraphQLError? Error);
}
