namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>Why an order report was not taken: the error model's status, code and message.</summary>
internal sealed record LivescaleRefusal(int Status, string Code, string Message)
{
    public static LivescaleRefusal Transition(string message) => new(StatusCodes.Status409Conflict, "invalid_transition", message);

    public static LivescaleRefusal From(IReadOnlyList<Checkout.UserError> errors) =>
        new(LivescaleErrors.StatusOf(errors[0].Code), errors[0].Code.ToLowerInvariant(), errors[0].Message);
}
