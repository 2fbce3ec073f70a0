using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.GraphQL.Commerce.Tests.Access;

/// <summary>What each credential may do in the commerce schema.</summary>
public sealed class CommerceCallerTests
{
    [Fact]
    public void Authorize_WithoutCredential_IsUnauthenticated()
    {
        var error = Assert.Throws<GraphQLException>(() => new CommerceCaller().Authorize(CommerceAccess.Catalog));

        Assert.Equal("UNAUTHENTICATED", error.Code);
    }

    [Fact]
    public void Authorize_BearerWithoutTheScope_IsForbidden()
    {
        var caller = new CommerceCaller();
        caller.UseBearer("storefront", ["catalog:read"]);

        Assert.Equal("storefront", caller.Authorize(CommerceAccess.Catalog).ClientId);
        Assert.Equal("FORBIDDEN", Assert.Throws<GraphQLException>(() => caller.Authorize(CommerceAccess.Cart)).Code);
    }

    [Fact]
    public void Authorize_PublishableKey_ShopsButNeverManagesOrders()
    {
        var caller = new CommerceCaller();
        caller.UsePublishableKey("storefront-web");

        Assert.Equal("pk:storefront-web", caller.Authorize(CommerceAccess.Checkout).ClientId);
        Assert.Equal("FORBIDDEN", Assert.Throws<GraphQLException>(() => caller.Authorize(CommerceAccess.OrderManagement)).Code);
    }

    [Fact]
    public void PublishableKeyClient_NeverSharesCartsWithABearerClientOfTheSameName()
    {
        var key = new CommerceCaller();
        key.UsePublishableKey("storefront");
        var bearer = new CommerceCaller();
        bearer.UseBearer("storefront", ["cart:write"]);

        Assert.NotEqual(key.Authorize(CommerceAccess.Cart), bearer.Authorize(CommerceAccess.Cart));
    }
}
