namespace CommerceGateway.Adapters;

/// <summary>
/// Stable error codes. Business codes become <c>userErrors</c> on GraphQL; fault codes become
/// GraphQL errors' <c>extensions.code</c>. Codes are part of the public contract: never rename one.
/// </summary>
public static class CommerceErrorCodes
{
    /// <summary>The item or seat is sold out.</summary>
    public const string SoldOut = "SOLD_OUT";

    /// <summary>The item is not on sale.</summary>
    public const string OffSale = "OFF_SALE";

    /// <summary>A hold or reservation lapsed.</summary>
    public const string HoldExpired = "HOLD_EXPIRED";

    /// <summary>A seat is held or sold to someone else.</summary>
    public const string SeatTaken = "SEAT_TAKEN";

    /// <summary>The checkout is not at a step that allows this.</summary>
    public const string InvalidStep = "INVALID_STEP";

    /// <summary>The payment was declined.</summary>
    public const string PaymentDeclined = "PAYMENT_DECLINED";

    /// <summary>The amount paid is below what is owed.</summary>
    public const string Underpaid = "UNDERPAID";

    /// <summary>The loyalty reward does not apply to this cart.</summary>
    public const string RewardNotApplicable = "REWARD_NOT_APPLICABLE";

    /// <summary>A discount code is unknown or does not apply.</summary>
    public const string InvalidDiscountCode = "INVALID_DISCOUNT_CODE";

    /// <summary>Concurrent change, or the backend's state forbids the operation now.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The channel's backend cannot do this.</summary>
    public const string NotSupported = "NOT_SUPPORTED";

    /// <summary>Input failed validation.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>The cart, order, product or booking does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A capture failed.</summary>
    public const string CaptureFailed = "CAPTURE_FAILED";

    /// <summary>The backend refused for a reason of its own; see the backend's code.</summary>
    public const string Rejected = "REJECTED";

    /// <summary>Fault: the backend could not be reached, answered 5xx, or its circuit is open.</summary>
    public const string BackendUnavailable = "BACKEND_UNAVAILABLE";

    /// <summary>Fault: the backend did not answer in time.</summary>
    public const string BackendTimeout = "BACKEND_TIMEOUT";

    /// <summary>Fault: the backend answered with something the adapter cannot read.</summary>
    public const string BackendProtocolError = "BACKEND_PROTOCOL_ERROR";

    /// <summary>Fault: the shared state store could not be reached.</summary>
    public const string StateStoreUnavailable = "STATE_STORE_UNAVAILABLE";
}
