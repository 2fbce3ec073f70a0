using CommerceGateway.GraphQL.Language;

namespace CommerceGateway.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    public static TheoryData<string> Documents() =>
    [
        "{\n  a\n}",
        "query Q($a: Int = 1, $b: [String!]! = [\"x\"] @dir) @op {\n  alias: field(a: $a, b: {c: [1.5, true, null, ENUM]}) @include(if: $a) {\n    ...F\n    ... on T {\n      x\n    }\n    ... @skip(if: false) {\n      y\n    }\n  }\n}\n\nfragment F on T {\n  z\n}",
        "mutation {\n  m(s: \"line\\nbreak \\\"q\\\" \\u0001\")\n}",
        "subscription S {\n  s\n}",
        "{\n  f(s: \"\"\"\nblock\n  indented\n\"\"\")\n}",
        "schema @d {\n  query: Q\n  mutation: M\n}",
        "\"\"\"Described\"\"\"\ntype T implements A & B @d(x: 1) {\n  \"\"\"field doc\"\"\"\n  f(a: Int = 1, b: String): [T!]! @deprecated(reason: \"gone\")\n\n  \"\"\"second\"\"\"\n  g(\n    \"\"\"arg doc\"\"\"\n    a: Int\n  ): Int\n}",
        "union U = A | B",
        "enum E {\n  A\n  B @deprecated\n}",
        "input I @oneOf {\n  a: Int = 2\n  b: String\n}",
        "directive @d(x: Int) repeatable on FIELD | OBJECT",
        "scalar Date @specifiedBy(url: \"https://example.com\")",
        "extend type T {\n  h: Int\n}",
        "interface A implements B {\n  f: String\n}",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Print_ParsedDocument_RoundTripsToSameText(string source)
    {
        var printed = Printer.Print(Parser.Parse(source));

        Assert.Equal(source, printed);
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Fact]
    public void Print_AnonymousQueryWithVariables_KeepsQueryKeyword()
    {
        var printed = Printer.Print(Parser.Parse("query ($a: Int) { f(a: $a) }"));

        Assert.Equal("query ($a: Int) {\n  f(a: $a)\n}", printed);
    }

    [Theory]
    [InlineData("single line", "\"\"\"single line\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("ends with quote\"", "\"\"\"\nends with quote\"\n\"\"\"")]
    public void PrintBlockString_Value_MatchesGraphQLJsLayout(string value, string expected)
    {
        Assert.Equal(expected, BlockString.Print(value));
    }
}
