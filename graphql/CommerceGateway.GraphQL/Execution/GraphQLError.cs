namespace CommerceGateway.GraphQL.Execution;

/// <summary>One entry of a response's <c>errors</c> list.</summary>
public sealed class GraphQLError
{
    /// <summary>Creates an error.</summary>
    /// <param name="message">Shown to the client; never include secrets or stack traces.</param>
    /// <param name="locations">Where in the document the error applies.</param>
    /// <param name="path">The response path of the field that failed.</param>
    /// <param name="extensions">Extra data; <c>code</c> is the stable machine-readable error code.</param>
    public GraphQLError(
        string message,
        IReadOnlyList<ErrorLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations ?? [];
        Path = path;
        Extensions = extensions;
    }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>Document locations; empty when the error is not tied to one.</summary>
    public IReadOnlyList<ErrorLocation> Locations { get; }

    /// <summary>The response path (field names and list indices), for field errors.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extensions, including <c>code</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The <c>extensions.code</c> value, if any.</summary>
    public string? Code => Extensions?.GetValueOrDefault("code") as string;

    /// <inheritdoc />
    public override string ToString() => Code is null ? Message : $"{Code}: {Message}";

    internal static GraphQLError WithCode(string message, string code, IReadOnlyList<ErrorLocation>? locations = null) =>
        new(message, locations, null, new Dictionary<string, object?> { ["code"] = code });
}
