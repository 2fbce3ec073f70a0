namespace CommerceGateway.GraphQL.Types;

/// <summary>Thrown by <see cref="SchemaBuilder.Build"/> when the schema breaks the spec's type-system rules.</summary>
public sealed class SchemaValidationException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public SchemaValidationException(IReadOnlyList<string> errors)
        : base("The GraphQL schema is invalid:\n- " + string.Join("\n- ", errors)) => Errors = errors;

    /// <summary>Creates the exception with no details.</summary>
    public SchemaValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    public SchemaValidationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    /// <summary>Each problem, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
