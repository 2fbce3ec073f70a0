namespace CommerceGateway.Adapters;

/// <summary>An answer to one question of a backend's checkout form.</summary>
/// <param name="FormId">The form (or form response) the question belongs to.</param>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Value">The answer as text.</param>
public sealed record FormAnswer(string FormId, string QuestionId, string Value);
