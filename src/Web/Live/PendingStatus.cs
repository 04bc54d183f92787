using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Web.Live;

/// <summary>A committed status change waiting to be pushed.</summary>
public sealed record PendingStatus(Guid EventId, EventStatus Status, DateTimeOffset At);
