using GraphQL;
using GraphQL.Types;
using static CommerceGateway.Benchmarks.GraphQL.CheckoutModel;
using NetSchema = GraphQL.Types.Schema;

namespace CommerceGateway.Benchmarks.GraphQL.Micro;

/// <summary>
/// <see cref="CheckoutSchema"/> rebuilt code-first in GraphQL.NET over the same records: each field
/// reads its record property through a typed lambda, the two fields with arguments resolve as ours do.
/// <see cref="GraphQLNetEngine"/> checks that it prints the same SDL as a GraphQL.NET schema built from our SDL.
/// </summary>
internal static class GraphQLNetCheckoutSchema
{
    public static NetSchema Create()
    {
        var category = EnumType("ProductCategory", "TICKET", "MERCH");
        var status = EnumType("CheckoutStatus", "OPEN", "PAYING", "COMPLETED");
        var stepKind = EnumType("CheckoutStepKind", "CONTACT", "SHIPPING", "PAYMENT", "REVIEW");

        var money = new ObjectGraphType<Money> { Name = "Money" };
        money.Field<NonNullGraphType<IntGraphType>>("amountCents").Resolve(c => c.Source.AmountCents);
        money.Field<NonNullGraphType<StringGraphType>>("currency").Resolve(c => c.Source.Currency);
        money.Field<NonNullGraphType<StringGraphType>>("formatted").Resolve(c => c.Source.Formatted);

        var product = new ObjectGraphType<Product> { Name = "Product" };
        product.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        product.Field<NonNullGraphType<StringGraphType>>("sku").Resolve(c => c.Source.Sku);
        product.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        product.Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        product.Field<StringGraphType>("imageUrl").Resolve(c => c.Source.ImageUrl);
        product.Field("category", new NonNullGraphType(category)).Resolve(c => c.Source.Category);

        var line = new ObjectGraphType<CartLine> { Name = "CartLine" };
        line.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        line.Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        line.Field("product", new NonNullGraphType(product)).Resolve(c => c.Source.Product);
        line.Field("unitPrice", new NonNullGraphType(money)).Resolve(c => c.Source.UnitPrice);
        line.Field("lineTotal", new NonNullGraphType(money)).Resolve(c => c.Source.LineTotal);

        var totals = new ObjectGraphType<CartTotals> { Name = "CartTotals" };
        totals.Field("subtotal", new NonNullGraphType(money)).Resolve(c => c.Source.Subtotal);
        totals.Field("discount", new NonNullGraphType(money)).Resolve(c => c.Source.Discount);
        totals.Field("tax", new NonNullGraphType(money)).Resolve(c => c.Source.Tax);
        totals.Field("shipping", new NonNullGraphType(money)).Resolve(c => c.Source.Shipping);
        totals.Field("total", new NonNullGraphType(money)).Resolve(c => c.Source.Total);

        var step = new ObjectGraphType<CheckoutStep> { Name = "CheckoutStep" };
        step.Field("kind", new NonNullGraphType(stepKind)).Resolve(c => c.Source.Kind);
        step.Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        step.Field<NonNullGraphType<BooleanGraphType>>("completed").Resolve(c => c.Source.Completed);
        step.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("errors").Resolve(c => c.Source.Errors);

        var paymentMethod = new ObjectGraphType<PaymentMethod> { Name = "PaymentMethod" };
        paymentMethod.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        paymentMethod.Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label);
        paymentMethod.Field<NonNullGraphType<StringGraphType>>("provider").Resolve(c => c.Source.Provider);
        paymentMethod.Field<NonNullGraphType<BooleanGraphType>>("available").Resolve(c => c.Source.Available);

        var checkout = new ObjectGraphType<CheckoutModel.Checkout> { Name = "Checkout" };
        checkout.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        checkout.Field("status", new NonNullGraphType(status)).Resolve(c => c.Source.Status);
        checkout.Field("currentStep", new NonNullGraphType(stepKind)).Resolve(c => c.Source.CurrentStep);
        checkout.Field("steps", NonNullList(step)).Resolve(c => c.Source.Steps);
        checkout.Field("paymentMethods", NonNullList(paymentMethod)).Resolve(c => c.Source.PaymentMethods);

        var customer = new ObjectGraphType<Customer> { Name = "Customer" };
        customer.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        customer.Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        customer.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        customer.Field<StringGraphType>("loyaltyTier").Resolve(c => c.Source.LoyaltyTier);

        var cart = new ObjectGraphType<Cart> { Name = "Cart" };
        cart.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        cart.Field<NonNullGraphType<StringGraphType>>("currency").Resolve(c => c.Source.Currency);
        cart.Field<NonNullGraphType<IntGraphType>>("itemCount").Resolve(c => c.Source.ItemCount);
        cart.Field("lines", NonNullList(line))
            .Argument<IntGraphType>("first")
            .Resolve(c => c.GetArgument<int?>("first") is { } first ? c.Source.Lines.Take(first) : c.Source.Lines);
        cart.Field("totals", new NonNullGraphType(totals)).Resolve(c => c.Source.Totals);
        cart.Field("checkout", new NonNullGraphType(checkout)).Resolve(c => c.Source.Checkout);
        cart.Field("customer", customer).Resolve(c => c.Source.Customer);

        var query = new ObjectGraphType { Name = "Query" };
        query.Field("cart", cart)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.GetArgument<string>("id") == CheckoutData.CartId ? CheckoutData.Cart : null);

        return new NetSchema { Query = query };
    }

    private static NonNullGraphType NonNullList(IGraphType item) => new(new ListGraphType(new NonNullGraphType(item)));

    private static EnumerationGraphType EnumType(string name, params string[] values)
    {
        var type = new EnumerationGraphType { Name = name };
        foreach (var value in values)
        {
            // The records hold enum values as their names (as ours resolve them), so each value is its own name.
            type.Add(value, value);
        }

        return type;
    }
}
