using System.Globalization;
using System.Text.Json;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// The form step: <c>order[responses]</c> (or <c>order[form_responses]</c>) with answers by id;
/// a multiple-choice answer's value is the id of one of the field's options.
/// </summary>
internal static class GuestManagerForms
{
    public static void Apply(GmOrder order, JsonElement data)
    {
        var responses = GmRequest.Has(data, "responses")
            ? GmRequest.Array(data, "responses", "responses")
            : GmRequest.Array(data, "form_responses", "form_responses");
        var updates = new List<(GmFormResponse Response, long AnswerId, string? Value)>();
        foreach (var (item, i) in responses.Select((e, i) => (e, i)))
        {
            var id = GmRequest.Long(item, "id", $"form_responses[{i}].id");
            var response = order.FormResponses.FirstOrDefault(r => r.Id == id)
                ?? throw GmError.Validation($"form_responses[{i}].id", "invalid", "is not a form response of this order");
            foreach (var (answer, j) in GmRequest.Array(item, "answers", $"form_responses[{i}].answers").Select((e, j) => (e, j)))
            {
                var answerId = GmRequest.Long(answer, "id", $"form_responses[{i}].answers[{j}].id");
                if (answerId is not { } known || !response.AnswerIds.Values.Contains(known))
                {
                    throw GmError.Validation($"form_responses[{i}].answers[{j}].id", "invalid", "is not an answer of this form response");
                }

                updates.Add((response, known, GmRequest.Text(answer, "value")));
            }
        }

        foreach (var (response, answerId, value) in updates)
        {
            response.Values[answerId] = value;
        }
    }

    public static void Validate(GmOrder order, List<GmInvalidAttribute> invalid)
    {
        for (var i = 0; i < order.FormResponses.Count; i++)
        {
            var response = order.FormResponses[i];
            for (var j = 0; j < response.Form.Fields.Count; j++)
            {
                var field = response.Form.Fields[j];
                var value = response.Values.GetValueOrDefault(response.AnswerIds[field.Id]);
                var path = $"form_responses[{i}].answers[{j}].value";
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (field.Required)
                    {
                        invalid.Add(new GmInvalidAttribute(path, "blank", $"'{field.Label}' can't be blank"));
                    }
                }
                else if (field.Kind == "choice" && field.Options.All(o => o.Id.ToString(CultureInfo.InvariantCulture) != value))
                {
                    invalid.Add(new GmInvalidAttribute(path, "invalid", $"'{field.Label}' must be the id of one of its options"));
                }
            }
        }
    }
}
