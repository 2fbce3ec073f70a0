namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>A refused OrderFlow request: answered as <c>{ "error": code, "message": ... }</c> with <see cref="Status"/>.</summary>
internal sealed class OrderFlowRequestException(int status, string error, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public static OrderFlowRequestException Invalid(string message) => new(StatusCodes.Status400BadRequest, "invalid_request", message);

    public static OrderFlowRequestException NotFound(string error, string message) => new(StatusCodes.Status404NotFound, error, message);

    public static OrderFlowRequestException Conflict(string error, string message) => new(StatusCodes.Status409Conflict, error, message);

    public static OrderFlowRequestException Unprocessable(string error, string message) => new(StatusCodes.Status422UnprocessableEntity, error, message);
}
