namespace CommerceGateway.GraphQL.Execution;

/// <summary>
/// Throw from a resolver to report a fault to the client as is (other exceptions are masked).
/// The message and <see cref="Code"/> reach the client; the field resolves to null.
/// </summary>
public sealed class GraphQLException : Exception
{
    /// <summary>Creates the exception with a client-safe message and a stable code such as <c>BACKEND_UNAVAILABLE</c>.</summary>
    public GraphQLException(string message, string code)
        : base(message) => Code = code;

    /// <summary>Creates the exception with a client-safe message, a code and the underlying cause (not shown to clients).</summary>
    public GraphQLException(string message, string code, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>Creates the exception with the code <c>INTERNAL_SERVER_ERROR</c>.</summary>
    public GraphQLException()
        : this("Unexpected error", ErrorCodes.InternalServerError)
    {
    }

    /// <summary>Creates the exception with a message and the code <c>INTERNAL_SERVER_ERROR</c>.</summary>
    public GraphQLException(string message)
        : this(message, ErrorCodes.InternalServerError)
    {
    }

    /// <summary>Creates the exception with a message, the code <c>INTERNAL_SERVER_ERROR</c> and a cause.</summary>
    public GraphQLException(string message, Exception innerException)
        : this(message, ErrorCodes.InternalServerError, innerException)
    {
    }

    /// <summary>The value of <c>extensions.code</c>.</summary>
    public string Code { get; }

    /// <summary>More entries for <c>extensions</c>, next to <c>code</c>.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}
