using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>Where an event is in its life; stored as the snake_case names of the events.status CHECK.</summary>
[GenerateSerializer, Alias("Fashionistas.EventStatus")]
public enum EventStatus
{
    Draft,
    Review,
    Revision,
    Published,
    OnSale,
    SoldOut,
    InProgress,
    Completed,
    Cancelled,
}
