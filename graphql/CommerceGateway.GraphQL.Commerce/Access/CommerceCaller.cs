using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>
/// The caller of one GraphQL request (scoped per request). The host sets it from the bearer token or
/// the publishable key before the request runs; resolvers ask it for the <see cref="ClientContext"/>
/// that owns carts and orders, and it refuses operations the credential does not allow.
/// </summary>
public sealed class CommerceCaller
{
    /// <summary>Scope for catalog browsing.</summary>
    public const string CatalogScope = "catalog:read";

    /// <summary>Scope for carts.</summary>
    public const string CartScope = "cart:write";

    /// <summary>Scope for checkout, payment, bookings and orders.</summary>
    public const string CheckoutScope = "checkout:write";

    /// <summary>Everything a publishable key may do.</summary>
    private static readonly HashSet<string> StorefrontScopes = [CatalogScope, CartScope, CheckoutScope];

    private HashSet<string> _scopes = [];

    /// <summary>How the caller authenticated.</summary>
    public CommerceCallerKind Kind { get; private set; }

    /// <summary>The owning client, once authenticated.</summary>
    public ClientContext? Client { get; private set; }

    /// <summary>Marks the caller as the OAuth client <paramref name="clientId"/> holding <paramref name="scopes"/>.</summary>
    public void UseBearer(string clientId, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(scopes);
        Kind = CommerceCallerKind.Bearer;
        Client = new ClientContext(clientId);
        _scopes = [.. scopes];
    }

    /// <summary>Marks the caller as the public storefront client <paramref name="clientId"/> of a publishable key.</summary>
    public void UsePublishableKey(string clientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        Kind = CommerceCallerKind.PublishableKey;

        // Prefixed so a publishable key's carts can never be read with a bearer token of a same-named client.
        Client = new ClientContext("pk:" + clientId);
        _scopes = StorefrontScopes;
    }

    /// <summary>The caller's client when it may perform <paramref name="access"/>.</summary>
    /// <exception cref="GraphQLException"><c>UNAUTHENTICATED</c> without a credential, <c>FORBIDDEN</c> without the scope.</exception>
    public ClientContext Authorize(CommerceAccess access)
    {
        if (Client is null)
        {
            throw new GraphQLException("Send a bearer token or a publishable storefront key.", "UNAUTHENTICATED");
        }

        if (access == CommerceAccess.OrderManagement && Kind == CommerceCallerKind.PublishableKey)
        {
            throw new GraphQLException("Publishable storefront keys cannot manage orders; call with a bearer token.", "FORBIDDEN");
        }

        var scope = access switch
        {
            CommerceAccess.Catalog => CatalogScope,
            CommerceAccess.Cart => CartScope,
            _ => CheckoutScope,
        };
        return _scopes.Contains(scope)
            ? Client
            : throw new GraphQLException($"The token lacks the scope '{scope}'.", "FORBIDDEN");
    }
}
