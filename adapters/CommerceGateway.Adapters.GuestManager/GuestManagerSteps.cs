namespace CommerceGateway.Adapters.GuestManager;

/// <summary>The backend's checkout states and the unified steps they map to.</summary>
internal static class GuestManagerSteps
{
    public const string Cart = "cart";
    public const string Email = "email";
    public const string Tickets = "tickets";
    public const string Address = "address";
    public const string Delivery = "delivery";
    public const string Form = "form";
    public const string Payment = "payment";
    public const string Confirm = "confirm";
    public const string Processing = "processing";
    public const string Complete = "complete";
    public const string Requested = "requested";
    public const string Reserved = "reserved";
    public const string Expired = "expired";

    private static readonly Dictionary<string, CheckoutStepKind> Kinds = new(StringComparer.Ordinal)
    {
        [Email] = CheckoutStepKind.Email,
        [Tickets] = CheckoutStepKind.Tickets,
        [Address] = CheckoutStepKind.Address,
        [Delivery] = CheckoutStepKind.Delivery,
        [Form] = CheckoutStepKind.Form,
        [Requested] = CheckoutStepKind.Requested,
        [Reserved] = CheckoutStepKind.Reserved,
        [Payment] = CheckoutStepKind.Payment,
        [Confirm] = CheckoutStepKind.Confirm,
        [Processing] = CheckoutStepKind.Processing,
        [Complete] = CheckoutStepKind.Complete,
    };

    /// <summary>The unified step of a backend step, or null for steps the gateway cannot drive (register, password, invite...).</summary>
    public static CheckoutStepKind? KindOf(string step) => Kinds.TryGetValue(step, out var kind) ? kind : null;

    /// <summary>The backend's name of a unified step.</summary>
    public static string NameOf(CheckoutStepKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>States that end the checkout.</summary>
    public static bool IsFinal(string state) => state is Complete or Requested or Reserved;
}
