using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>What a waiting room's settings must satisfy.</summary>
public static class WaitingRoomRules
{
    public const int MaxAdmissionPerMinute = 1_000_000;
    public static readonly TimeSpan MinShoppingTime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxShoppingTime = TimeSpan.FromHours(2);

    public static RuleCheck Validate(WaitingRoomSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AdmissionPerMinute is { } rate && rate is < 1 or > MaxAdmissionPerMinute)
        {
            return RuleCheck.Refused($"admissionPerMinute must be 1 to {MaxAdmissionPerMinute}, or the mode automatic.");
        }

        return settings.ShoppingTime < MinShoppingTime || settings.ShoppingTime > MaxShoppingTime
            ? RuleCheck.Refused($"shoppingMinutes must be {MinShoppingTime.TotalMinutes} to {MaxShoppingTime.TotalMinutes}.")
            : RuleCheck.Ok;
    }
}
