using CommerceGateway.Soak.Buyers;

namespace CommerceGateway.Soak.Tests.Invariants;

/// <summary>What the soak counts as a typed error of ours, and what as a leak.</summary>
public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData("SEAT_TAKEN", "That seat was just taken by another buyer.")]
    [InlineData("STATE_STORE_UNAVAILABLE", "The gateway's state store is unavailable; try again shortly.")]
    public void IsTyped_OurCodeAndSentence_True(string code, string message) => Assert.True(ErrorClassifier.IsTyped(code, message));

    [Theory]
    [InlineData(null, "Unexpected Execution Error")]
    [InlineData("INTERNAL_SERVER_ERROR", "Something went wrong.")]
    [InlineData("HTTP_500", "")]
    [InlineData("seat_taken", "lower-case is not one of our codes")]
    [InlineData("STATE_STORE_UNAVAILABLE", "Timeout performing EVALSHA (5000ms), inst: 1")]
    [InlineData("BACKEND_UNAVAILABLE", "An error occurred while sending the request.")]
    public void IsTyped_MissingCodeOrLibraryWords_False(string? code, string message) => Assert.False(ErrorClassifier.IsTyped(code, message));
}
