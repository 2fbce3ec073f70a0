using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.GraphQL.Commerce.Resolvers;

/// <summary>
/// Turns faults into GraphQL errors with a stable <c>extensions.code</c>. Business outcomes never get
/// here: the checkout service returns them as user errors, which mutations put in their payloads.
/// </summary>
internal static class CommerceFaults
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (CommerceException e)
        {
            // Adapter messages are written for clients: they name the channel and the backend's code, never secrets.
            throw new GraphQLException(e.Message, e.Code, e);
        }
        catch (StateStoreUnavailableException e)
        {
            throw new GraphQLException("The gateway's state store is unavailable; retry shortly.", CommerceErrorCodes.StateStoreUnavailable, e);
        }
        catch (SessionVersionConflictException e)
        {
            throw new GraphQLException("The cart changed while it was read; read it again.", CommerceErrorCodes.Conflict, e);
        }
    }

    /// <summary>A failed query result as a GraphQL error (queries have no payload for user errors).</summary>
    public static GraphQLException ToError(IReadOnlyList<Checkout.UserError> errors) =>
        new(errors[0].Message, errors[0].Code);
}
