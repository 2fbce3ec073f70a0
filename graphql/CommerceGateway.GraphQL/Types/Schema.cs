namespace CommerceGateway.GraphQL.Types;

/// <summary>A built, validated and immutable schema. Create it with <see cref="SchemaBuilder"/>.</summary>
public sealed class Schema
{
    private readonly Dictionary<string, HashSet<ObjectGraphType>> _possibleTypes;
    private string? _sdl;

    internal Schema(
        string? description,
        ObjectGraphType query,
        ObjectGraphType? mutation,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives)
    {
        Description = description;
        Query = query;
        Mutation = mutation;
        Types = types;
        TypeMap = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Directives = directives;
        DirectiveMap = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _possibleTypes = new Dictionary<string, HashSet<ObjectGraphType>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            switch (type)
            {
                case UnionGraphType union:
                    _possibleTypes[union.Name] = [.. union.Types];
                    break;
                case ObjectGraphType obj:
                    foreach (var implemented in obj.Interfaces)
                    {
                        if (!_possibleTypes.TryGetValue(implemented.Name, out var set))
                        {
                            _possibleTypes[implemented.Name] = set = [];
                        }

                        set.Add(obj);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    internal string? Description { get; }

    internal ObjectGraphType Query { get; }

    internal ObjectGraphType? Mutation { get; }

    internal IReadOnlyList<NamedType> Types { get; }

    internal IReadOnlyDictionary<string, NamedType> TypeMap { get; }

    internal IReadOnlyList<DirectiveDefinition> Directives { get; }

    internal IReadOnlyDictionary<string, DirectiveDefinition> DirectiveMap { get; }

    /// <summary>The schema in SDL, laid out exactly as graphql-js's <c>printSchema</c> prints it.</summary>
    public string ToSdl() => _sdl ??= SdlExporter.Print(this);

    internal NamedType? FindType(string name) => TypeMap.TryGetValue(name, out var type) ? type : null;

    internal IReadOnlyCollection<ObjectGraphType> PossibleTypes(NamedType abstractType) => abstractType switch
    {
        ObjectGraphType obj => [obj],
        _ => _possibleTypes.TryGetValue(abstractType.Name, out var set) ? set : [],
    };

    internal bool IsPossibleType(NamedType abstractType, ObjectGraphType objectType) =>
        abstractType == objectType || (_possibleTypes.TryGetValue(abstractType.Name, out var set) && set.Contains(objectType));

    /// <summary>Whether <paramref name="maybeSubType"/> is <paramref name="superType"/>, one of its members, or implements it.</summary>
    internal bool IsSubType(NamedType superType, NamedType maybeSubType)
    {
        if (superType == maybeSubType)
        {
            return true;
        }

        return maybeSubType switch
        {
            ObjectGraphType obj => IsPossibleType(superType, obj),
            InterfaceGraphType iface => superType is InterfaceGraphType && iface.Interfaces.Contains(superType),
            _ => false,
        };
    }

    /// <summary>Whether a value of <paramref name="maybeSubType"/> can be used where <paramref name="superType"/> is expected.</summary>
    internal bool IsTypeSubTypeOf(GraphType maybeSubType, GraphType superType)
    {
        if (maybeSubType == superType)
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is InterfaceGraphType or UnionGraphType
            && maybeSubType is ObjectGraphType or InterfaceGraphType
            && IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }
}
