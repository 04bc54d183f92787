using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>A lifecycle step, e.g. {"status":"review","reason":"ready"}.</summary>
public sealed record StatusChangeRequest(string? Status, string? Reason) : IValidatable
{
    private const int MaxReasonLength = 1000;

    public Validation Validate() => new Validation()
        .Require(EventStatusNames.TryParse(Status, out _), "status",
            "status must be one of draft, review, revision, published, on_sale, sold_out, in_progress, completed, cancelled.")
        .Text(Reason, "reason", MaxReasonLength, required: false);

    /// <summary>The parsed status; only after <see cref="Validate"/> passed.</summary>
    public EventStatus Target => EventStatusNames.Parse(Status!);
}
