namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>The Livescale front door (<c>LivescaleFrontDoor</c>): the Livescale Shopping API served per channel.</summary>
internal sealed class LivescaleFrontDoorOptions
{
    public const string SectionName = "LivescaleFrontDoor";

    /// <summary>False unmaps <c>/livescale/{channel}</c> entirely.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The audience a token must name; Livescale always asks for <c>livescale</c>.</summary>
    public string Audience { get; set; } = "livescale";

    /// <summary>How long a request waits for a backend that settles payment asynchronously before answering PROCESSING.</summary>
    public TimeSpan PaymentWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per channel: how its backend takes the PSP transaction Livescale authorized.</summary>
    public Dictionary<string, LivescaleChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public LivescalePspReference PspReferenceOf(string channel) =>
        Channels.TryGetValue(channel, out var options) ? options.PspReference : LivescalePspReference.TransactionId;
}
