using System.Collections.Frozen;
using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// The event status machine. Who may take a step (an admin publishes) is the API's decision;
/// <see cref="RequiresAdmin"/> exposes that rule so it lives in one place.
/// </summary>
public static class EventLifecycle
{
    private static readonly FrozenDictionary<EventStatus, EventStatus[]> Steps = new Dictionary<EventStatus, EventStatus[]>
    {
        [EventStatus.Draft] = [EventStatus.Review],
        [EventStatus.Review] = [EventStatus.Revision, EventStatus.Published],
        [EventStatus.Revision] = [EventStatus.Review],
        [EventStatus.Published] = [EventStatus.OnSale],
        [EventStatus.OnSale] = [EventStatus.SoldOut, EventStatus.InProgress],
        [EventStatus.SoldOut] = [EventStatus.OnSale, EventStatus.InProgress],
        [EventStatus.InProgress] = [EventStatus.Completed],
        [EventStatus.Completed] = [],
        [EventStatus.Cancelled] = [],
    }.ToFrozenDictionary();

    public static RuleCheck CanTransition(EventStatus from, EventStatus to)
    {
        if (from == to)
        {
            return RuleCheck.Refused($"The event is already {from.ToStorageName()}.");
        }

        if (from is EventStatus.Completed or EventStatus.Cancelled)
        {
            return RuleCheck.Refused($"A {from.ToStorageName()} event cannot change status.");
        }

        if (to == EventStatus.Cancelled || Steps[from].Contains(to))
        {
            return RuleCheck.Ok;
        }

        return RuleCheck.Refused(
            $"An event cannot move from {from.ToStorageName()} to {to.ToStorageName()}; " +
            $"allowed: {string.Join(", ", AllowedTargets(from).Select(s => s.ToStorageName()))}.");
    }

    /// <summary>Every status reachable from <paramref name="from"/> in one step.</summary>
    public static IReadOnlyList<EventStatus> AllowedTargets(EventStatus from) =>
        from is EventStatus.Completed or EventStatus.Cancelled
            ? []
            : [.. Steps[from], EventStatus.Cancelled];

    /// <summary>Publishing is an editorial decision: only an admin approves a reviewed event.</summary>
    public static bool RequiresAdmin(EventStatus from, EventStatus to) =>
        from == EventStatus.Review && to == EventStatus.Published;

    /// <summary>
    /// How far along its life an event is. Every step keeps or raises the stage (review and revision share
    /// one, as do on_sale and sold_out), so a status carrying a lower stage than one already known is stale:
    /// one-way pushes may arrive after a fresher status was read from the database.
    /// </summary>
    public static int Stage(EventStatus status) => status switch
    {
        EventStatus.Draft => 0,
        EventStatus.Review or EventStatus.Revision => 1,
        EventStatus.Published => 2,
        EventStatus.OnSale or EventStatus.SoldOut => 3,
        EventStatus.InProgress => 4,
        EventStatus.Completed => 5,
        EventStatus.Cancelled => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown event status."),
    };

    /// <summary>Holds are taken only while tickets are on sale (sold out is derived and may flip back).</summary>
    public static bool AcceptsHolds(EventStatus status) => status is EventStatus.OnSale or EventStatus.SoldOut;

    /// <summary>Drafts and events sent back for revision are the only ones whose details may be edited.</summary>
    public static bool IsEditable(EventStatus status) => status is EventStatus.Draft or EventStatus.Revision;

    /// <summary>Ticket types can be added or changed until the event is running or over.</summary>
    public static bool AcceptsTicketTypeChanges(EventStatus status) =>
        status is not (EventStatus.InProgress or EventStatus.Completed or EventStatus.Cancelled);
}
