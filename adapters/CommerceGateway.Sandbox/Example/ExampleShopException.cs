namespace CommerceGateway.Sandbox.Example;

/// <summary>A refusal of the ExampleShop API, answered as <c>{"error": {"code", "message"}}</c>.</summary>
internal sealed class ExampleShopException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ExampleShopException NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);

    public static ExampleShopException Conflict(string code, string message) => new(StatusCodes.Status409Conflict, code, message);

    public static ExampleShopException Unprocessable(string code, string message) => new(StatusCodes.Status422UnprocessableEntity, code, message);

    public static ExampleShopException PaymentRequired(string code, string message) => new(StatusCodes.Status402PaymentRequired, code, message);
}
