namespace Fashionistas.Web.WaitingRoom;

/// <summary>What the <c>{id}</c> of a route guarded by a waiting room names.</summary>
public enum WaitingRoomScope
{
    Event,
    TicketType,
}
