namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>A channel's settings on the Livescale front door (<c>LivescaleFrontDoor:Channels:{channel}</c>).</summary>
internal sealed class LivescaleChannelOptions
{
    /// <summary>How the backend is handed Livescale's authorized PSP transaction.</summary>
    public LivescalePspReference PspReference { get; set; } = LivescalePspReference.TransactionId;
}
