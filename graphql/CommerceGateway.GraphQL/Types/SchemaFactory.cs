using CommerceGateway.GraphQL.Introspection;
using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Types;

/// <summary>Turns a <see cref="SchemaBuilder"/> into a <see cref="Schema"/>: creates types, resolves references, validates.</summary>
internal sealed class SchemaFactory(SchemaBuilder builder)
{
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<NamedType> _declared = [];
    private readonly List<string> _errors = [];

    public Schema Create()
    {
        foreach (var scalar in new BuiltInScalar[] { StringScalar.Instance, BooleanScalar.Instance, IntScalar.Instance, FloatScalar.Instance, IdScalar.Instance })
        {
            _types[scalar.Name] = new ScalarGraphType(scalar);
        }

        var userBuilders = builder.TypeBuilders;
        var introspectionBuilders = IntrospectionTypes.Builders();
        var all = userBuilders.Select(b => (Builder: b, IsIntrospection: false))
            .Concat(introspectionBuilders.Select(b => (Builder: b, IsIntrospection: true)))
            .ToList();
        foreach (var (typeBuilder, isIntrospection) in all)
        {
            var shell = CreateShell(typeBuilder);
            if (!isIntrospection)
            {
                SchemaRules.CheckName(shell.Name, $"Type \"{shell.Name}\"", _errors);
            }

            if (_types.ContainsKey(shell.Name))
            {
                _errors.Add($"Schema must contain uniquely named types but contains multiple types named \"{shell.Name}\".");
                continue;
            }

            _types[shell.Name] = shell;
            _declared.Add(shell);
        }

        foreach (var (typeBuilder, _) in all)
        {
            Fill(typeBuilder);
        }

        var directives = BuiltInDirectives.Create(this).ToList();
        foreach (var directiveBuilder in builder.DirectiveBuilders)
        {
            var directive = new DirectiveDefinition(directiveBuilder.Name, directiveBuilder.LocationNames)
            {
                Description = directiveBuilder.DescriptionText,
                IsRepeatable = directiveBuilder.IsRepeatable,
            };
            directive.Arguments.AddRange(directiveBuilder.Arguments.Select(a => InputValue(a, $"@{directiveBuilder.Name}({a.Name}:)")));
            directives.Add(directive);
        }

        var query = _types.GetValueOrDefault(builder.QueryTypeName) as ObjectGraphType;
        var mutation = builder.MutationTypeName is null ? null : _types.GetValueOrDefault(builder.MutationTypeName) as ObjectGraphType;
        if (query is null)
        {
            _errors.Add(_types.ContainsKey(builder.QueryTypeName)
                ? $"Query root type must be Object type, it cannot be {builder.QueryTypeName}."
                : "Query root type must be provided.");
        }

        if (_errors.Count > 0)
        {
            throw new SchemaValidationException(_errors);
        }

        var ordered = OrderTypes(query!, mutation, directives);
        new SchemaRules(_errors).Validate(ordered, directives);
        if (_errors.Count > 0)
        {
            throw new SchemaValidationException(_errors);
        }

        var schema = new Schema(builder.DescriptionText, query!, mutation, ordered, directives);
        CoerceDefaults(schema, ordered, directives);
        if (_errors.Count > 0)
        {
            throw new SchemaValidationException(_errors);
        }

        return schema;
    }

    internal GraphType Resolve(string reference, string owner)
    {
        TypeNode node;
        try
        {
            node = Parser.ParseType(reference);
        }
        catch (GraphQLSyntaxException e)
        {
            _errors.Add($"{owner} has an invalid type reference \"{reference}\": {e.Message}");
            return _types["String"];
        }

        return Resolve(node, owner);
    }

    private GraphType Resolve(TypeNode node, string owner) => node switch
    {
        NonNullTypeNode nonNull => new NonNullType(Resolve(nonNull.Type, owner)),
        ListTypeNode list => new ListType(Resolve(list.Type, owner)),
        NamedTypeNode named when _types.TryGetValue(named.Name, out var type) => type,
        NamedTypeNode named => Unknown(named.Name, owner),
        _ => throw new InvalidOperationException("Unknown type node."),
    };

    private NamedType Unknown(string name, string owner)
    {
        _errors.Add($"{owner} refers to the unknown type \"{name}\".");
        return _types["String"];
    }

    internal InputValueDefinition InputValue(InputValueBuilder input, string owner)
    {
        ValueNode? literal = null;
        if (input.DefaultLiteral is not null)
        {
            try
            {
                literal = Parser.ParseValue(input.DefaultLiteral, isConst: true);
            }
            catch (GraphQLSyntaxException e)
            {
                _errors.Add($"{owner} has a default value that is not a GraphQL literal: {e.Message}");
            }
        }

        SchemaRules.CheckName(input.Name, owner, _errors);
        return new InputValueDefinition(input.Name, Resolve(input.TypeReference, owner))
        {
            Description = input.DescriptionText,
            DefaultLiteral = literal,
            DeprecationReason = input.DeprecationReason,
        };
    }

    private static NamedType CreateShell(object typeBuilder) => typeBuilder switch
    {
        ObjectTypeBuilder o => new ObjectGraphType(o.Name, o.DescriptionText) { IsTypeOf = o.IsTypeOfCheck, RuntimeType = o.ClrType },
        InterfaceTypeBuilder i => new InterfaceGraphType(i.Name, i.DescriptionText) { ResolveType = i.TypeResolver },
        UnionTypeBuilder u => new UnionGraphType(u.Name, u.DescriptionText) { ResolveType = u.TypeResolver },
        EnumTypeBuilder e => new EnumGraphType(e.Name, e.DescriptionText),
        InputObjectTypeBuilder i => new InputObjectGraphType(i.Name, i.DescriptionText) { IsOneOf = i.IsOneOf },
        ScalarType s => new ScalarGraphType(s),
        _ => throw new InvalidOperationException("Unknown type builder."),
    };

    private void Fill(object typeBuilder)
    {
        switch (typeBuilder)
        {
            case ObjectTypeBuilder o:
                FillComplex((ComplexGraphType)_types[o.Name], o.InterfaceNames, o.Fields);
                break;
            case InterfaceTypeBuilder i:
                FillComplex((ComplexGraphType)_types[i.Name], i.InterfaceNames, i.Fields);
                break;
            case UnionTypeBuilder u:
                var union = (UnionGraphType)_types[u.Name];
                foreach (var member in u.MemberNames)
                {
                    if (_types.GetValueOrDefault(member) is ObjectGraphType obj)
                    {
                        union.Types.Add(obj);
                    }
                    else
                    {
                        _errors.Add($"Union type {u.Name} can only include Object types, it cannot include {member}.");
                    }
                }

                break;
            case EnumTypeBuilder e:
                var enumType = (EnumGraphType)_types[e.Name];
                foreach (var (name, value, description, reason) in e.ValueList)
                {
                    var definition = new EnumValueDefinition(name, value ?? name) { Description = description, DeprecationReason = reason };
                    enumType.Values.Add(definition);
                    enumType.ByName.TryAdd(name, definition);
                    enumType.ByValue.TryAdd(definition.Value, definition);
                }

                break;
            case InputObjectTypeBuilder i:
                var input = (InputObjectGraphType)_types[i.Name];
                foreach (var field in i.Fields)
                {
                    var definition = InputValue(field, $"{i.Name}.{field.Name}");
                    input.FieldList.Add(definition);
                    input.Fields.TryAdd(definition.Name, definition);
                }

                break;
            default:
                break;
        }
    }

    private void FillComplex(ComplexGraphType type, List<string> interfaceNames, List<FieldBuilder> fields)
    {
        foreach (var name in interfaceNames)
        {
            if (_types.GetValueOrDefault(name) is InterfaceGraphType iface)
            {
                type.Interfaces.Add(iface);
            }
            else
            {
                _errors.Add($"Type {type.Name} must only implement Interface types, it cannot implement {name}.");
            }
        }

        foreach (var fieldBuilder in fields)
        {
            var owner = $"{type.Name}.{fieldBuilder.Name}";
            if (!type.IsIntrospection)
            {
                SchemaRules.CheckName(fieldBuilder.Name, $"Field \"{owner}\"", _errors);
            }

            var field = new FieldDefinition(fieldBuilder.Name, Resolve(fieldBuilder.TypeReference, owner))
            {
                Description = fieldBuilder.DescriptionText,
                DeprecationReason = fieldBuilder.DeprecationReason,
                Resolver = fieldBuilder.Resolver,
                Cost = fieldBuilder.CostValue,
            };
            field.Arguments.AddRange(fieldBuilder.Arguments.Select(a => InputValue(a, $"{owner}({a.Name}:)")));
            type.AddField(field);
        }
    }

    /// <summary>Orders types as graphql-js collects them (roots first, depth-first), so introspection lists them in the same order.</summary>
    private List<NamedType> OrderTypes(ObjectGraphType query, ObjectGraphType? mutation, List<DirectiveDefinition> directives)
    {
        var seen = new HashSet<NamedType>();
        var ordered = new List<NamedType>();
        void Collect(GraphType type)
        {
            var named = type.NamedType;
            if (!seen.Add(named))
            {
                return;
            }

            ordered.Add(named);
            switch (named)
            {
                case UnionGraphType union:
                    union.Types.ForEach(Collect);
                    break;
                case ComplexGraphType complex:
                    complex.Interfaces.ForEach(Collect);
                    foreach (var field in complex.FieldList)
                    {
                        Collect(field.Type);
                        field.Arguments.ForEach(a => Collect(a.Type));
                    }

                    break;
                case InputObjectGraphType input:
                    input.FieldList.ForEach(f => Collect(f.Type));
                    break;
                default:
                    break;
            }
        }

        Collect(query);
        if (mutation is not null)
        {
            Collect(mutation);
        }

        foreach (var type in _declared.Where(t => !t.IsIntrospection))
        {
            Collect(type);
        }

        foreach (var directive in directives)
        {
            directive.Arguments.ForEach(a => Collect(a.Type));
        }

        Collect(_types["__Schema"]);
        return ordered;
    }

    private void CoerceDefaults(Schema schema, List<NamedType> types, List<DirectiveDefinition> directives)
    {
        var inputs = types.OfType<ComplexGraphType>().SelectMany(t => t.FieldList.SelectMany(f => f.Arguments.Select(a => (Owner: $"{t.Name}.{f.Name}({a.Name}:)", Value: a))))
            .Concat(types.OfType<InputObjectGraphType>().SelectMany(t => t.FieldList.Select(f => (Owner: $"{t.Name}.{f.Name}", Value: f))))
            .Concat(directives.SelectMany(d => d.Arguments.Select(a => (Owner: $"@{d.Name}({a.Name}:)", Value: a))));
        foreach (var (owner, value) in inputs)
        {
            if (value.DefaultLiteral is null)
            {
                continue;
            }

            if (!InputCoercion.TryCoerceLiteral(value.DefaultLiteral, value.Type, null, out var coerced))
            {
                _errors.Add($"{owner} has invalid default value: {Printer.Print(value.DefaultLiteral)}.");
                continue;
            }

            value.DefaultValue = coerced;
        }

        _ = schema;
    }
}
