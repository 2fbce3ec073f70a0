namespace CommerceGateway.GraphQL.Commerce;

/// <summary>What a schema field does, which decides the scope (or publishable key) it needs.</summary>
public enum CommerceAccess
{
    /// <summary>Browsing channels and catalogs: scope <c>catalog:read</c>.</summary>
    Catalog,

    /// <summary>Reading and changing the caller's own carts and loyalty: scope <c>cart:write</c>.</summary>
    Cart,

    /// <summary>Checkout, payment, bookings and reading the caller's orders: scope <c>checkout:write</c>.</summary>
    Checkout,

    /// <summary>Back-office order operations (capture, refund, cancel): scope <c>checkout:write</c>, never a publishable key.</summary>
    OrderManagement,
}
