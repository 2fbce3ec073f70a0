namespace CommerceGateway.GraphQL.Types;

/// <summary>The spec's type-system validation (section 3), with graphql-js's wording so messages are familiar.</summary>
internal sealed class SchemaRules(List<string> errors)
{
    public static void CheckName(string name, string owner, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            return;
        }

        if (name.Length == 0 || !Language.Lexer.IsNameStart(name[0]) || !name.All(Language.Lexer.IsNameContinue))
        {
            errors.Add($"{owner}: names must only contain [_a-zA-Z0-9] but \"{name}\" does not.");
        }
    }

    public void Validate(IReadOnlyList<NamedType> types, IReadOnlyList<DirectiveDefinition> directives)
    {
        foreach (var directive in directives.Where(d => !d.IsBuiltIn))
        {
            CheckName(directive.Name, $"Directive \"@{directive.Name}\"", errors);
            if (directive.Locations.Count == 0)
            {
                errors.Add($"Directive @{directive.Name} must include 1 or more locations.");
            }

            CheckArguments(directive.Arguments, $"@{directive.Name}");
        }

        foreach (var type in types.Where(t => !t.IsIntrospection))
        {
            switch (type)
            {
                case ComplexGraphType complex:
                    CheckFields(complex);
                    CheckInterfaces(complex);
                    break;
                case UnionGraphType union:
                    if (union.Types.Count == 0)
                    {
                        errors.Add($"Union type {union.Name} must define one or more member types.");
                    }

                    foreach (var duplicate in union.Types.GroupBy(t => t.Name).Where(g => g.Count() > 1))
                    {
                        errors.Add($"Union type {union.Name} can only include type {duplicate.Key} once.");
                    }

                    break;
                case EnumGraphType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        errors.Add($"Enum type {enumType.Name} must define one or more values.");
                    }

                    foreach (var value in enumType.Values)
                    {
                        CheckName(value.Name, $"Enum value \"{enumType.Name}.{value.Name}\"", errors);
                        if (value.Name is "true" or "false" or "null")
                        {
                            errors.Add($"Enum type {enumType.Name} cannot include value: {value.Name}.");
                        }
                    }

                    foreach (var duplicate in enumType.Values.GroupBy(v => v.Name).Where(g => g.Count() > 1))
                    {
                        errors.Add($"Enum value \"{enumType.Name}.{duplicate.Key}\" can only be defined once.");
                    }

                    break;
                case InputObjectGraphType input:
                    CheckInputObject(input);
                    break;
                default:
                    break;
            }
        }

        foreach (var input in types.OfType<InputObjectGraphType>())
        {
            CheckInputCycles(input, [], []);
        }
    }

    private void CheckFields(ComplexGraphType type)
    {
        if (type.FieldList.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var duplicate in type.FieldList.GroupBy(f => f.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"Field \"{type.Name}.{duplicate.Key}\" can only be defined once.");
        }

        foreach (var field in type.FieldList)
        {
            if (!field.Type.IsOutputType)
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            CheckArguments(field.Arguments, $"{type.Name}.{field.Name}");
        }
    }

    private void CheckArguments(List<InputValueDefinition> arguments, string owner)
    {
        foreach (var duplicate in arguments.GroupBy(a => a.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"Argument \"{owner}({duplicate.Key}:)\" can only be defined once.");
        }

        foreach (var argument in arguments)
        {
            if (!argument.Type.IsInputType)
            {
                errors.Add($"The type of {owner}({argument.Name}:) must be Input Type but got: {argument.Type}.");
            }

            if (argument.Type is NonNullType && !argument.HasDefault && argument.DeprecationReason is not null)
            {
                errors.Add($"Required argument {owner}({argument.Name}:) cannot be deprecated.");
            }
        }
    }

    private void CheckInterfaces(ComplexGraphType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var iface in type.Interfaces)
        {
            if (iface == type)
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            if (!seen.Add(iface.Name))
            {
                errors.Add($"Type {type.Name} can only implement {iface.Name} once.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    errors.Add(transitive == type
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            CheckImplementation(type, iface);
        }
    }

    private void CheckImplementation(ComplexGraphType type, InterfaceGraphType iface)
    {
        foreach (var ifaceField in iface.FieldList)
        {
            if (!type.Fields.TryGetValue(ifaceField.Name, out var field))
            {
                errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.");
                continue;
            }

            if (!IsCovariant(field.Type, ifaceField.Type))
            {
                errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
            }

            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var arg = field.FindArgument(ifaceArg.Name);
                if (arg is null)
                {
                    errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                }
                else if (arg.Type.ToString() != ifaceArg.Type.ToString())
                {
                    errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{field.Name}({arg.Name}:) is type {arg.Type}.");
                }
            }

            foreach (var arg in field.Arguments)
            {
                if (ifaceField.FindArgument(arg.Name) is null && arg.Type is NonNullType && !arg.HasDefault)
                {
                    errors.Add($"Argument \"{type.Name}.{field.Name}({arg.Name}:)\" must not be required type \"{arg.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".");
                }
            }
        }
    }

    private static bool IsCovariant(GraphType sub, GraphType super)
    {
        if (super is NonNullType superNonNull)
        {
            return sub is NonNullType subNonNull && IsCovariant(subNonNull.OfType, superNonNull.OfType);
        }

        if (sub is NonNullType nonNull)
        {
            return IsCovariant(nonNull.OfType, super);
        }

        if (super is ListType superList)
        {
            return sub is ListType subList && IsCovariant(subList.OfType, superList.OfType);
        }

        if (sub is ListType)
        {
            return false;
        }

        if (sub == super)
        {
            return true;
        }

        return super switch
        {
            UnionGraphType union => sub is ObjectGraphType o && union.Types.Contains(o),
            InterfaceGraphType iface => sub is ComplexGraphType c && c.Interfaces.Contains(iface),
            _ => false,
        };
    }

    private void CheckInputObject(InputObjectGraphType input)
    {
        if (input.FieldList.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        foreach (var duplicate in input.FieldList.GroupBy(f => f.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"Input field \"{input.Name}.{duplicate.Key}\" can only be defined once.");
        }

        foreach (var field in input.FieldList)
        {
            if (!field.Type.IsInputType)
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.Type is NonNullType && !field.HasDefault && field.DeprecationReason is not null)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf && field.Type is NonNullType)
            {
                errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
            }

            if (input.IsOneOf && field.HasDefault)
            {
                errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
            }
        }
    }

    private void CheckInputCycles(InputObjectGraphType input, HashSet<InputObjectGraphType> visiting, List<string> path)
    {
        if (!visiting.Add(input))
        {
            return;
        }

        foreach (var field in input.FieldList)
        {
            if (field.Type is NonNullType { OfType: InputObjectGraphType next })
            {
                path.Add($"{input.Name}.{field.Name}");
                var cycleStart = path.FindIndex(p => p.StartsWith(next.Name + ".", StringComparison.Ordinal));
                if (cycleStart >= 0 || next == input)
                {
                    var cycle = path.Skip(Math.Max(cycleStart, 0)).ToList();
                    var message = $"Cannot reference Input Object \"{next.Name}\" within itself through a series of non-null fields: \"{string.Join("\", \"", cycle)}\".";
                    if (!errors.Contains(message))
                    {
                        errors.Add(message);
                    }
                }
                else
                {
                    CheckInputCycles(next, visiting, path);
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        visiting.Remove(input);
    }
}
