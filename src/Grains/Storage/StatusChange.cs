using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>A row of event_status_history: who moved the event from where to where, and why.</summary>
public sealed record StatusChange(EventStatus? From, EventStatus To, Guid? By, string? Reason);
