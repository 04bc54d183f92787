namespace Fashionistas.Silo.Accounts;

/// <summary>How replacing a user's roles ended.</summary>
public enum RoleChangeOutcome
{
    Changed,
    NoSuchUser,

    /// <summary>Refused: it would leave the product with no admin, and nobody could ever grant roles again.</summary>
    LastAdmin,

    /// <summary>Refused: nobody grants themselves a role they do not have (an admin may only drop their own roles).</summary>
    OwnRightsRaised,
}
