namespace CommerceGateway.Sandbox.Booking;

/// <summary>
/// A refusal of the booking backend, answered as <c>{"code": ..., "message": ...}</c> with a 4xx
/// status by <see cref="BookingErrorFilter"/>.
/// </summary>
internal sealed class BookingException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static BookingException NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);

    public static BookingException Gone(string code, string message) => new(StatusCodes.Status410Gone, code, message);

    public static BookingException Conflict(string code, string message) => new(StatusCodes.Status409Conflict, code, message);

    public static BookingException Invalid(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static BookingException Forbidden(string code, string message) => new(StatusCodes.Status403Forbidden, code, message);
}

/// <summary>Turns <see cref="BookingException"/> into the protocol's JSON error answer.</summary>
internal sealed class BookingErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BookingException e)
        {
            return Error(e.Status, e.Code, e.Message);
        }
    }

    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new BookingErrorBody(code, message), statusCode: status);
}

/// <summary>The error body every booking call answers with on refusal.</summary>
internal sealed record BookingErrorBody(string Code, string Message);
