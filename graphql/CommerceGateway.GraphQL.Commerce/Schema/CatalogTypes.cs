using CommerceGateway.Adapters;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Products and variants; events, sessions and seat maps.</summary>
internal static class CatalogTypes
{
    public static void Add(SchemaBuilder builder) => builder
        .Type("ProductVariant", o => o
            .Description("A purchasable variant of a product; cart lines refer to variants by id.")
            .Prop("id", "ID!", "The merchandise id for cartLinesAdd.")
            .Prop("title", "String!", "Display title, e.g. \"Red / M\".")
            .Prop("price", "Money!", "Unit price.")
            .Prop("sku", "String", "Stock keeping unit.")
            .Prop<ProductVariant>("availableForSale", "Boolean!", "False when sold out or off sale.", v => v.Available))
        .Type("Product", o => o
            .Description("A catalog product with at least one variant.")
            .Prop("id", "ID!", "The backend's product id.")
            .Prop("title", "String!", "Display title.")
            .Prop("description", "String", "Plain-text description.")
            .Prop<Product>("imageUrl", "String", "The main image.", p => p.ImageUrl?.ToString())
            .Prop("variants", "[ProductVariant!]!", "The purchasable variants."))
        .Type("ProductConnection", o => o
            .Description("A page of products.")
            .Prop<CatalogPage<Product>>("nodes", "[Product!]!", "The products of this page.", p => p.Items)
            .Prop<CatalogPage<Product>>("offset", "Int!", "Offset of the first product.", p => p.Offset)
            .Prop<CatalogPage<Product>>("totalCount", "Int", "Total products, when the backend tells.", p => p.Total)
            .Prop<CatalogPage<Product>>("hasNextPage", "Boolean!", "True when more products follow.", p => p.HasMore))
        .Type("EventRate", o => o
            .Description("A price category of an event session (adult, child...); its id is the merchandise id of seat lines.")
            .Prop("id", "ID!", "The rate id.")
            .Prop("name", "String!", "Display name.")
            .Prop("price", "Money!", "Price per seat."))
        .Type("EventSession", o => o
            .Description("One performance or time slot of an event.")
            .Prop("id", "ID!", "The session id, for seat maps and seat lines.")
            .Prop("eventId", "ID!", "The event.")
            .Prop("title", "String", "Display title.")
            .Prop("startsAt", "DateTime!", "Start time.")
            .Prop("rates", "[EventRate!]!", "Prices per rate.")
            .Prop("availableSeats", "Int", "Seats still free, when known."))
        .Type("Event", o => o
            .Description("An event with its sessions.")
            .Prop("id", "ID!", "The backend's event id.")
            .Prop("title", "String!", "Display title.")
            .Prop("venue", "String", "Venue name.")
            .Prop("sessions", "[EventSession!]!", "Sessions of the event."))
        .Type("EventConnection", o => o
            .Description("A page of events.")
            .Prop<CatalogPage<EventListing>>("nodes", "[Event!]!", "The events of this page.", p => p.Items)
            .Prop<CatalogPage<EventListing>>("offset", "Int!", "Offset of the first event.", p => p.Offset)
            .Prop<CatalogPage<EventListing>>("totalCount", "Int", "Total events, when the backend tells.", p => p.Total)
            .Prop<CatalogPage<EventListing>>("hasNextPage", "Boolean!", "True when more events follow.", p => p.HasMore))
        .Enum("SeatStatus", e => e.Description("Availability of a seat.").Values<SeatStatus>())
        .Type("Seat", o => o
            .Description("A seat of a session's seat map.")
            .Prop("id", "ID!", "The seat id, for seat lines.")
            .Prop("section", "String", "Section or zone.")
            .Prop("row", "String!", "Row label.")
            .Prop("number", "String!", "Seat number label.")
            .Prop("status", "SeatStatus!", "Availability.")
            .Prop("rateIds", "[ID!]!", "Rates the seat can be sold at."))
        .Type("SeatMap", o => o
            .Description("The seats of one event session.")
            .Prop("sessionId", "ID!", "The session.")
            .Prop("seats", "[Seat!]!", "Every seat with its status."));
}
