namespace Fashionistas.Silo.Industry;

/// <summary>How linking a user to a sponsor ended.</summary>
public enum MemberLinkStatus
{
    Linked,
    NoSuchSponsor,
    NoSuchUser,

    /// <summary>The user does not have the sponsor role.</summary>
    NotASponsorUser,
}
