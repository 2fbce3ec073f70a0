using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Execution;
using CommerceGateway.GraphQL.Types.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.GraphQL.Commerce.Resolvers;

/// <summary>Short forms for the schema files: described fields, typed parents and guarded service calls.</summary>
internal static class SchemaDsl
{
    /// <summary>A described field resolved by the default resolver (property of the same name).</summary>
    public static ObjectTypeBuilder Prop(this ObjectTypeBuilder type, string name, string graphType, string description) =>
        type.Field(name, graphType, f => f.Description(description));

    /// <summary>A described field computed from the parent value.</summary>
    public static ObjectTypeBuilder Prop<T>(this ObjectTypeBuilder type, string name, string graphType, string description, Func<T, object?> get) =>
        type.Field(name, graphType, f => f.Description(description).Resolve(c => get((T)c.Parent!)));

    /// <summary>A described input field.</summary>
    public static InputObjectTypeBuilder In(this InputObjectTypeBuilder type, string name, string graphType, string description) =>
        type.Field(name, graphType, f => f.Description(description));

    /// <summary>A described argument.</summary>
    public static FieldBuilder Arg(this FieldBuilder field, string name, string graphType, string description, string? defaultValue = null) =>
        field.Argument(name, graphType, a =>
        {
            a.Description(description);
            if (defaultValue is not null)
            {
                a.DefaultValue(defaultValue);
            }
        });

    /// <summary>Resolves through the checkout services as the authorized caller, with faults turned into GraphQL errors.</summary>
    public static FieldBuilder ResolveCommerce(this FieldBuilder field, CommerceAccess access, Func<CommerceCall, Task<object?>> run) =>
        field.ResolveAsync(context =>
        {
            var client = context.Services.GetRequiredService<CommerceCaller>().Authorize(access);
            var call = new CommerceCall(context, client);
            return CommerceFaults.GuardAsync(() => run(call));
        });

    /// <summary>A mutation payload: the changed object under <paramref name="name"/> plus <c>userErrors</c>.</summary>
    public static Dictionary<string, object?> Payload<T>(CheckoutResult<T> result, string name, Func<T, object?>? shape = null) =>
        new(StringComparer.Ordinal)
        {
            [name] = result.Value is { } value ? shape is null ? value : shape(value) : null,
            ["userErrors"] = result.Errors,
        };
}
