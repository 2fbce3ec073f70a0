namespace CommerceGateway.Soak.Invariants;

/// <summary>One invariant's verdict, with what broke it (or what was checked) in a sentence.</summary>
/// <param name="Name">The promise, as a user would say it.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was checked, or the first violations.</param>
public sealed record InvariantResult(string Name, bool Passed, string Detail);
