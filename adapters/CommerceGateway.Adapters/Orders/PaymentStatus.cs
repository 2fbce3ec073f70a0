namespace CommerceGateway.Adapters;

/// <summary>The money side of an order.</summary>
public enum PaymentStatus
{
    /// <summary>Nothing paid or authorized yet.</summary>
    Pending,

    /// <summary>Submitted; the backend or PSP is still deciding.</summary>
    Processing,

    /// <summary>Authorized; capture comes later.</summary>
    Authorized,

    /// <summary>Captured in full.</summary>
    Paid,

    /// <summary>Declined or failed; see the failure reason.</summary>
    Failed,

    /// <summary>Part of the payment was refunded.</summary>
    PartiallyRefunded,

    /// <summary>Refunded in full.</summary>
    Refunded,
}
