using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// What executing one operation of a cached document needs beyond the request's own values: the
/// fragments by name and the root field set, whose sub-selections and per-field caches fill in as
/// requests run. Field collection depends on variables only through @skip/@include, so a plan is
/// shared by the requests whose directive variables have the same values (see <see cref="PreparedDocument"/>).
/// </summary>
internal sealed class ExecutionPlan(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
{
    private CollectedFields? _root;

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; } = fragments;

    public CollectedFields? Root
    {
        get => Volatile.Read(ref _root);
        set => Volatile.Write(ref _root, value);
    }
}
