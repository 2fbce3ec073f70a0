using System.Globalization;
using CommerceGateway.Adapters;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>The catalog calls' <c>offset</c> (default 0) and <c>limit</c> (default 20, at most 100).</summary>
internal static class LivescalePaging
{
    public static (CatalogQuery? Query, IResult? Error) Read(HttpRequest request, string? categoryId = null)
    {
        var offset = 0;
        var limit = 20;
        if (request.Query.TryGetValue("offset", out var o) && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return (null, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_offset", "offset is a whole number, at least 0."));
        }

        if (request.Query.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return (null, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_limit", "limit is a whole number from 1 to 100."));
        }

        return (new CatalogQuery(offset, limit, categoryId), null);
    }
}
