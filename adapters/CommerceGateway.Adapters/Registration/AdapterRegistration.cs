namespace CommerceGateway.Adapters;

/// <summary>One registered adapter kind.</summary>
internal sealed record AdapterRegistration(string Kind, Type BackendType, bool IsLoyalty, AdapterOptions Options);
