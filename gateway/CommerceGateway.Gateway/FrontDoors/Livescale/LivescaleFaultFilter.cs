using CommerceGateway.Adapters;
using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// Faults as the error model, never a bare 500: the state store down is 503, a backend down or
/// answering nonsense 502, a backend too slow 504, a concurrent change 409. Each says to retry.
/// </summary>
internal sealed class LivescaleFaultFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StateStoreUnavailableException)
        {
            return LivescaleErrors.StateStoreUnavailable(context.HttpContext);
        }
        catch (CommerceException e)
        {
            // Adapter messages are written for clients: they name the channel and the backend's code, never secrets.
            return LivescaleErrors.Error(LivescaleErrors.StatusOf(e.Code), e.Code.ToLowerInvariant(), e.Message);
        }
        catch (SessionVersionConflictException)
        {
            return LivescaleErrors.Error(StatusCodes.Status409Conflict, "conflict", "The basket or order changed meanwhile; retry.");
        }
    }
}
