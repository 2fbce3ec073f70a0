using Microsoft.Extensions.Logging;

namespace CommerceGateway.Identity.Diagnostics;

/// <summary>Every log message of the identity service. None carries a secret, a token or key material.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Issued an access token to client {ClientId} for audience {Audience} with scope '{Scope}', key {KeyId}, expiring in {ExpiresIn}s.")]
    public static partial void TokenIssued(ILogger logger, string clientId, IReadOnlyList<string> audience, string scope, string keyId, long expiresIn);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Client authentication failed for client {ClientId} from {RemoteAddress}.")]
    public static partial void AuthenticationFailed(ILogger logger, string clientId, string remoteAddress);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Too many failed authentications for client {ClientId} from {RemoteAddress}; refusing for {RetryAfterSeconds}s.")]
    public static partial void AuthenticationThrottled(ILogger logger, string clientId, string remoteAddress, long retryAfterSeconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Token request from client {ClientId} refused: {Error}.")]
    public static partial void RequestRefused(ILogger logger, string clientId, string error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Client assertion for client {ClientId} refused: {Reason}")]
    public static partial void AssertionRefused(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Created signing key {KeyId} ({Algorithm}), signing from {ActivatesAt:O}.")]
    public static partial void KeyCreated(ILogger logger, string keyId, string algorithm, DateTimeOffset activatesAt);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Removed signing key {KeyId}: every token it signed has expired.")]
    public static partial void KeyRemoved(ILogger logger, string keyId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Development: no Identity:DataDirectory is set, so signing keys live in memory and tokens stop validating on restart.")]
    public static partial void EphemeralKeys(ILogger logger);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Signing keys persist in {Directory}.")]
    public static partial void FileKeys(ILogger logger, string directory);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "The signing keys could not be loaded at start-up; tokens are answered temporarily_unavailable and readiness fails until the key store answers: {Reason}")]
    public static partial void KeysNotLoadedAtStart(ILogger logger, string reason);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Client {ClientId} revoked token {TokenId}.")]
    public static partial void TokenRevoked(ILogger logger, string clientId, string tokenId);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Rejected a bearer token with id {TokenId}: it was revoked.")]
    public static partial void RevokedTokenRejected(ILogger logger, string tokenId);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "{Path} answered temporarily_unavailable: {Reason}")]
    public static partial void StoreUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "A bearer token could not be checked, answering 503 (the token is neither accepted nor rejected): {Reason}")]
    public static partial void BearerCheckUnavailable(ILogger logger, string reason);
}
