using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// A waiting room's settings: <c>mode</c> "fixed" with <c>admissionPerMinute</c>, or "automatic" (let in as admitted
/// people are served); <c>shoppingMinutes</c> an admitted person may shop.
/// </summary>
public sealed record WaitingRoomRequest(DateTimeOffset? OpensAt, string? Mode, int? AdmissionPerMinute, int? ShoppingMinutes) : IValidatable
{
    public const string Fixed = "fixed";
    public const string Automatic = "automatic";

    public Validation Validate()
    {
        var validation = new Validation()
            .Require(OpensAt is not null, "opensAt", "opensAt is required.")
            .Require(Mode is Fixed or Automatic, "mode", $"mode must be {Fixed} or {Automatic}.")
            .Require(Mode != Fixed || AdmissionPerMinute is not null, "admissionPerMinute", "A fixed rate needs admissionPerMinute.")
            .Require(Mode != Automatic || AdmissionPerMinute is null, "admissionPerMinute", "The automatic mode takes no admissionPerMinute.")
            .Require(ShoppingMinutes is not null, "shoppingMinutes", "shoppingMinutes is required.");
        if (validation.IsValid && WaitingRoomRules.Validate(ToSettings()) is { Allowed: false } rule)
        {
            validation.Require(false, rule.Reason!.StartsWith("shopping", StringComparison.Ordinal) ? "shoppingMinutes" : "admissionPerMinute", rule.Reason);
        }

        return validation;
    }

    public WaitingRoomSettings ToSettings() =>
        new(OpensAt!.Value, Mode == Automatic ? null : AdmissionPerMinute, TimeSpan.FromMinutes(ShoppingMinutes ?? 0));
}
