using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>The Livescale Shopping API's JSON: snake_case, nulls left out, amounts as JSON numbers (decimal, never float).</summary>
internal static class LivescaleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, Options, "application/json; charset=utf-8", status);

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>; a body that is missing when required, or is not JSON of
    /// that shape, is the error model's 400 <c>invalid_request</c>.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, bool optional = false)
    {
        if (request.ContentLength is 0 || request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return optional ? (default, null) : (default, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "A JSON body is required."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null && !optional
                ? (default, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "A JSON body is required."))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (default, LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", $"The body is not the JSON this call takes: {e.Message}"));
        }
    }
}
