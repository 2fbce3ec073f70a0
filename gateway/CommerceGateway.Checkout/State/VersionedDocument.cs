namespace CommerceGateway.Checkout.State;

/// <summary>A stored document and the version it was written as.</summary>
/// <param name="Document">The document, usually JSON.</param>
/// <param name="Version">Starts at 1 and grows by one with each write.</param>
public sealed record VersionedDocument(string Document, long Version);
