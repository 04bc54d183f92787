using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>A ticket type's refusal of a hold as problem+json, for one-tier holds and holds across tiers alike.</summary>
public static class HoldRefusals
{
    /// <summary><paramref name="extensions"/> are added to the problem (e.g. which tier of a group refused).</summary>
    public static ProblemHttpResult ToProblem(HoldResult refusal, IDictionary<string, object?>? extensions = null)
    {
        Dictionary<string, object?> With(params (string Key, object? Value)[] values)
        {
            var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>());
            foreach (var (key, value) in values)
            {
                all[key] = value;
            }

            return all;
        }

        return refusal switch
        {
            HoldResult.SoldOut soldOut => Problems.Conflict("Sold out.", $"Only {soldOut.Available} seats are left.", With(("available", soldOut.Available))),
            HoldResult.OverBuyerLimit over => Problems.Conflict("Over the per-buyer limit.",
                $"Each buyer may have at most {over.Limit} seats of this ticket type; you already have {over.AlreadyHeld}.",
                With(("limit", over.Limit), ("alreadyHeld", over.AlreadyHeld))),
            HoldResult.NotOnSale notOnSale => Problems.Conflict("Not on sale.", notOnSale.Reason, With()),
            HoldResult.Invalid invalid => Problems.BadRequest("The hold request is not valid.", invalid.Reason),
            _ => Problems.NotFound("No such ticket type."),
        };
    }
}
