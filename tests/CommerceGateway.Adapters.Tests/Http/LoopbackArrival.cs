namespace CommerceGateway.Adapters.Tests.Http;

/// <summary>One request as <see cref="LoopbackBackend"/> received it; <paramref name="At"/> is time since the backend started.</summary>
internal sealed record LoopbackArrival(int Number, string Method, string Path, TimeSpan At, IReadOnlyDictionary<string, string> Headers);
