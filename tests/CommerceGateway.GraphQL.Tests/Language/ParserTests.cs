using CommerceGateway.GraphQL.Language;
using CommerceGateway.GraphQL.Language.Ast;

namespace CommerceGateway.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a(b) }", "Syntax Error: Expected \":\", found \")\".", 1, 6)]
    [InlineData("query { ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 15)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("notanoperation { a }", "Syntax Error: Unexpected Name \"notanoperation\".", 1, 1)]
    [InlineData("query($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 17)]
    [InlineData("{ a }\n{ b", "Syntax Error: Expected Name, found <EOF>.", 2, 4)]
    [InlineData("directive @d on NOWHERE", "Syntax Error: Unexpected Name \"NOWHERE\".", 1, 17)]
    [InlineData("type T {}", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("enum E { true }", "Syntax Error: true is reserved and cannot be used for an enum value.", 1, 10)]
    public void Parse_InvalidDocument_ThrowsExpectedFoundWithLocation(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_Field_RecordsAliasArgumentsDirectivesAndLocation()
    {
        var document = Parser.Parse("query Q($id: ID!) {\n  p: product(id: $id) @include(if: true) { name }\n}");

        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        var field = Assert.IsType<FieldNode>(operation.SelectionSet.Selections[0]);
        Assert.Equal(("p", "product", 2, 3), (field.Alias, field.Name, field.Location.Line, field.Location.Column));
        Assert.IsType<VariableNode>(field.Arguments[0].Value);
        Assert.Equal("include", field.Directives[0].Name);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(operation.VariableDefinitions[0].Type).Type).Name);
    }

    [Fact]
    public void Parse_TypeSystemDocument_ReadsEveryDefinitionKind()
    {
        var document = Parser.Parse(
            """
            schema { query: Q }
            "desc" scalar Date @specifiedBy(url: "https://example.com")
            type Q implements & A & B @d { f(a: Int = 1): [String!]! }
            interface A implements B { f: String }
            union U = | X | Y
            enum E { ONE TWO }
            input I @oneOf { a: Int, b: String }
            directive @d(x: Int) repeatable on OBJECT | FIELD
            extend type Q { g: Int }
            extend schema @d
            """);

        Assert.Equal(10, document.Definitions.Count);
        var union = Assert.IsType<TypeDefinitionNode>(document.Definitions[4]);
        Assert.Equal(["X", "Y"], union.UnionMembers.Select(m => m.Name));
        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[7]);
        Assert.True(directive.Repeatable);
        Assert.True(Assert.IsType<TypeDefinitionNode>(document.Definitions[8]).IsExtension);
    }

    [Fact]
    public void ParseType_NestedWrappers_BuildsListAndNonNull()
    {
        var type = Parser.ParseType("[[Int!]]!");

        var builder = new System.Text.StringBuilder();
        Printer.WriteType(builder, type);
        Assert.Equal("[[Int!]]!", builder.ToString());
    }
}
