using System.Runtime.CompilerServices;

// The contract tests and the seat-hold benchmark read the Redis scripts and key layout directly.
[assembly: InternalsVisibleTo("CommerceGateway.Checkout.Tests")]
[assembly: InternalsVisibleTo("CommerceGateway.Benchmarks")]
