namespace Fashionistas.Grains.Domain;

/// <summary>The life of a hold (holds.status): active until released, expired or converted into a sale.</summary>
public enum HoldStatus
{
    Active,
    Released,
    Expired,
    Converted,
}
