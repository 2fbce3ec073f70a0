using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Language;

/// <summary>Type-system definitions and extensions (spec section 3).</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private static readonly IReadOnlyList<NamedTypeNode> NoNamedTypes = [];
    private static readonly IReadOnlyList<FieldDefinitionNode> NoFields = [];
    private static readonly IReadOnlyList<InputValueDefinitionNode> NoInputValues = [];
    private static readonly IReadOnlyList<EnumValueDefinitionNode> NoEnumValues = [];

    private TypeSystemNode ParseTypeSystemDefinition()
    {
        var start = _lexer.Location;
        var description = ParseDescription();
        if (_lexer.Kind != TokenKind.Name)
        {
            throw Unexpected();
        }

        return _lexer.Value switch
        {
            "schema" => ParseSchemaDefinition(start, description, isExtension: false),
            "directive" => ParseDirectiveDefinition(start, description),
            "scalar" or "type" or "interface" or "union" or "enum" or "input" => ParseTypeDefinition(start, description, isExtension: false),
            _ => throw Unexpected(),
        };
    }

    private TypeSystemNode ParseTypeSystemExtension()
    {
        var start = _lexer.Location;
        ExpectKeyword("extend");
        if (_lexer.Kind != TokenKind.Name)
        {
            throw Unexpected();
        }

        return _lexer.Value switch
        {
            "schema" => ParseSchemaDefinition(start, null, isExtension: true),
            "scalar" or "type" or "interface" or "union" or "enum" or "input" => ParseTypeDefinition(start, null, isExtension: true),
            _ => throw Unexpected(),
        };
    }

    private string? ParseDescription() =>
        _lexer.Kind is TokenKind.String or TokenKind.BlockString ? ParseStringLiteral().Value : null;

    private SchemaDefinitionNode ParseSchemaDefinition(Location start, string? description, bool isExtension)
    {
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operations = isExtension
            ? Optional(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight)
            : Many(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
        if (isExtension && directives.Count == 0 && operations.Count == 0)
        {
            throw Unexpected();
        }

        return new SchemaDefinitionNode(description, directives, operations, isExtension, start);
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Location;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        return new OperationTypeDefinitionNode(operation, ParseNamedType(), start);
    }

    private TypeDefinitionNode ParseTypeDefinition(Location start, string? description, bool isExtension)
    {
        var keyword = _lexer.Value;
        _lexer.Advance();
        var name = ParseName();
        var interfaces = NoNamedTypes;
        var fields = NoFields;
        var inputFields = NoInputValues;
        var members = NoNamedTypes;
        var values = NoEnumValues;
        TypeDefinitionKind kind;
        IReadOnlyList<DirectiveNode> directives;
        switch (keyword)
        {
            case "scalar":
                kind = TypeDefinitionKind.Scalar;
                directives = ParseDirectives(isConst: true);
                break;
            case "type" or "interface":
                kind = keyword == "type" ? TypeDefinitionKind.Object : TypeDefinitionKind.Interface;
                interfaces = ParseImplementsInterfaces();
                directives = ParseDirectives(isConst: true);
                fields = ParseOptionalBlock(ParseFieldDefinition);
                break;
            case "union":
                kind = TypeDefinitionKind.Union;
                directives = ParseDirectives(isConst: true);
                members = ParseUnionMembers();
                break;
            case "enum":
                kind = TypeDefinitionKind.Enum;
                directives = ParseDirectives(isConst: true);
                values = ParseOptionalBlock(ParseEnumValueDefinition);
                break;
            default:
                kind = TypeDefinitionKind.InputObject;
                directives = ParseDirectives(isConst: true);
                inputFields = ParseOptionalBlock(ParseInputValueDefinition);
                break;
        }

        if (isExtension && interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0
            && inputFields.Count == 0 && members.Count == 0 && values.Count == 0)
        {
            throw Unexpected();
        }

        return new TypeDefinitionNode(kind, name, description, interfaces, directives, fields, inputFields, members, values, isExtension, start);
    }

    private List<T> ParseOptionalBlock<T>(Func<T> parseItem)
    {
        // An empty block "{}" is a syntax error in the current spec, as in graphql-js.
        return Optional(TokenKind.BraceLeft, parseItem, TokenKind.BraceRight);
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!SkipKeyword("implements"))
        {
            return NoNamedTypes;
        }

        Skip(TokenKind.Ampersand);
        var types = new List<NamedTypeNode> { ParseNamedType() };
        while (Skip(TokenKind.Ampersand))
        {
            types.Add(ParseNamedType());
        }

        return types;
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMembers()
    {
        if (!Skip(TokenKind.Equals))
        {
            return NoNamedTypes;
        }

        Skip(TokenKind.Pipe);
        var types = new List<NamedTypeNode> { ParseNamedType() };
        while (Skip(TokenKind.Pipe))
        {
            types.Add(ParseNamedType());
        }

        return types;
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Location;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        return new FieldDefinitionNode(description, name, arguments, type, ParseDirectives(isConst: true), start);
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        _lexer.Kind == TokenKind.ParenLeft ? Many(TokenKind.ParenLeft, ParseInputValueDefinition, TokenKind.ParenRight) : NoInputValues;

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Location;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.Equals))
        {
            defaultValue = ParseValueLiteral(isConst: true);
        }

        return new InputValueDefinitionNode(description, name, type, defaultValue, ParseDirectives(isConst: true), start);
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Location;
        var description = ParseDescription();
        if (_lexer.Kind == TokenKind.Name && _lexer.Value is "true" or "false" or "null")
        {
            throw new GraphQLSyntaxException($"{_lexer.Value} is reserved and cannot be used for an enum value.", _lexer.TokenLine, _lexer.TokenColumn);
        }

        var name = ParseName();
        return new EnumValueDefinitionNode(description, name, ParseDirectives(isConst: true), start);
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition(Location start, string? description)
    {
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = SkipKeyword("repeatable");
        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<string> { ParseDirectiveLocation() };
        while (Skip(TokenKind.Pipe))
        {
            locations.Add(ParseDirectiveLocation());
        }

        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations, start);
    }

    private string ParseDirectiveLocation()
    {
        var location = _lexer.Location;
        var name = ParseName();
        if (!DirectiveLocations.Contains(name))
        {
            throw new GraphQLSyntaxException($"Unexpected Name \"{name}\".", location.Line, location.Column);
        }

        return name;
    }
}
