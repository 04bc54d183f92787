namespace Fashionistas.Web.WaitingRoom;

/// <summary>What a presented admission pass is worth.</summary>
public enum QueuePassCheck
{
    Valid,
    Missing,
    Forged,
    NotYours,
    Expired,
}
