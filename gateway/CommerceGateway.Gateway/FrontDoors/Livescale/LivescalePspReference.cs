namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// How a backend takes the PSP transaction Livescale's payment orchestrator authorized. Livescale
/// hands over a transaction id; a backend whose protocol names only a payment token is given that
/// id as the token, which the merchant's PSP must accept to complete the authorized payment.
/// </summary>
internal enum LivescalePspReference
{
    /// <summary>As a PSP transaction id (the protocol attaches an authorized transaction).</summary>
    TransactionId,

    /// <summary>As the payment token (the protocol has only a token field).</summary>
    Token,
}
