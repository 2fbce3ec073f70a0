using CommerceGateway.GraphQL.Language;

namespace CommerceGateway.GraphQL.Execution;

/// <summary>A field-level failure the engine itself raises (null in a non-null position, bad list, coercion).</summary>
internal sealed class FieldErrorException : Exception
{
    public FieldErrorException(string message, Location? location = null)
        : base(message) => Location = location;

    public FieldErrorException()
    {
    }

    public FieldErrorException(string message)
        : base(message)
    {
    }

    public FieldErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Location? Location { get; }
}

/// <summary>
/// Signals that a non-null position became null after its error was recorded; the nearest nullable
/// parent catches it and becomes null (spec "Handling Field Errors").
/// </summary>
internal sealed class NullPropagationException : Exception
{
    public static readonly NullPropagationException Instance = new();

    public NullPropagationException()
        : base("A null value propagated to a nullable parent.")
    {
    }

    public NullPropagationException(string message)
        : base(message)
    {
    }

    public NullPropagationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
