namespace CommerceGateway.Adapters;

/// <summary>A step of a checkout. Each backend requires its own ordered subset.</summary>
public enum CheckoutStepKind
{
    /// <summary>Buyer contact details (email, names, phone).</summary>
    Email,

    /// <summary>Names (and emails) of the attendees of each ticket.</summary>
    Tickets,

    /// <summary>Shipping and/or billing address.</summary>
    Address,

    /// <summary>Choice of a shipping or delivery method.</summary>
    Delivery,

    /// <summary>Answers to the backend's custom form.</summary>
    Form,

    /// <summary>Items that are not on sale yet and were reserved rather than bought.</summary>
    Reserved,

    /// <summary>Items that are sold out and were requested (a wait list) rather than bought.</summary>
    Requested,

    /// <summary>Payment with a PSP token or transaction id.</summary>
    Payment,

    /// <summary>Final review and confirmation.</summary>
    Confirm,

    /// <summary>Payment submitted; the backend is processing it asynchronously.</summary>
    Processing,

    /// <summary>Checkout finished; an order exists.</summary>
    Complete,
}
