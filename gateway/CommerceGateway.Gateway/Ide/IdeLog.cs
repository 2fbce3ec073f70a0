namespace CommerceGateway.Gateway.Ide;

/// <summary>Log messages of the IDE page.</summary>
internal static partial class IdeLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Gateway:GraphiQL:Enabled is true but the IDE files are missing from {Folder}: the gateway was built without npm. Install Node.js 20 and npm and build again to get the page.")]
    public static partial void PageMissing(ILogger logger, string folder);
}
