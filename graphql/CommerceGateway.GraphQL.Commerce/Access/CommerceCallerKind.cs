namespace CommerceGateway.GraphQL.Commerce;

/// <summary>How the caller of <c>/graphql</c> proved who it is.</summary>
public enum CommerceCallerKind
{
    /// <summary>No credential yet.</summary>
    Anonymous,

    /// <summary>A bearer token from the identity service (server-side front-ends, partners).</summary>
    Bearer,

    /// <summary>A publishable storefront key (browser front-ends): no secret, storefront operations only.</summary>
    PublishableKey,
}
