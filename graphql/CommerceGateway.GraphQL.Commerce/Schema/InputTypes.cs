using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Mutation inputs. None of them can set a price, discount, status or points.</summary>
internal static class InputTypes
{
    public static void Add(SchemaBuilder builder) => builder
        .InputObject("MoneyInput", i => i
            .Description("An amount of one currency.")
            .In("amount", "Decimal!", "The amount as an exact decimal string, e.g. \"60.00\".")
            .In("currencyCode", "String!", "ISO 4217 currency code."))
        .InputObject("CartLineInput", i => i
            .Description("A line to add: a quantity of a variant, chosen seats, or best available seats.")
            .In("merchandiseId", "ID!", "A product variant id, or for seats the event rate id.")
            .In("quantity", "Int!", "Units; for seats without seatIds, how many best available seats.")
            .In("sessionId", "ID", "The event session, for seats.")
            .In("seatIds", "[ID!]", "Chosen seats; the quantity must equal their count."))
        .InputObject("CartLineUpdateInput", i => i
            .Description("A new quantity for an existing line.")
            .In("id", "ID!", "The line id.")
            .In("quantity", "Int!", "The new quantity; zero removes the line."))
        .InputObject("BuyerInput", i => i
            .Description("The buyer's contact details (a guest unless the backend knows them).")
            .In("email", "String", "Contact email.")
            .In("firstName", "String", "Given name.")
            .In("lastName", "String", "Family name.")
            .In("phone", "String", "Phone number."))
        .InputObject("MailingAddressInput", i => i
            .Description("A postal address.")
            .In("address1", "String!", "Street and number.")
            .In("address2", "String", "Apartment, suite, floor.")
            .In("city", "String!", "City or town.")
            .In("provinceCode", "String", "State or province code, e.g. \"CA\".")
            .In("zip", "String!", "Postal or ZIP code.")
            .In("countryCode", "String!", "ISO 3166-1 alpha-2 country code, upper case.")
            .In("firstName", "String", "Recipient's given name.")
            .In("lastName", "String", "Recipient's family name.")
            .In("phone", "String", "Recipient's phone.")
            .In("company", "String", "Company."))
        .InputObject("AttendeeInput", i => i
            .Description("The holder of one ticket.")
            .In("ticketId", "ID!", "The ticket (from the cart line's attendees).")
            .In("name", "String", "Attendee name.")
            .In("email", "String", "Attendee email."))
        .InputObject("FormAnswerInput", i => i
            .Description("An answer to one question of the backend's form.")
            .In("formId", "ID!", "The form.")
            .In("questionId", "ID!", "The question.")
            .In("value", "String!", "The answer."))
        .InputObject("PaymentInput", i => i
            .Description("A payment reference from the PSP: a token or a transaction id, never card data.")
            .In("pspToken", "String", "A payment token issued by the PSP.")
            .In("pspTransactionId", "String", "Or the id of a transaction the PSP already authorized.")
            .In("pspName", "String", "The PSP's name, e.g. \"stripe\", when the backend wants it.")
            .In("amount", "MoneyInput", "For a cart: must equal the cart's cost.total (after every discount, the loyalty reward's included) when given. For a booking commit: the amount collected."));
}
