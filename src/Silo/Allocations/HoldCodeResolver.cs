using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Allocations;

/// <summary>
/// Resolves the <c>code</c> of a hold request, case-insensitively, for one ticket type. The one place that says what a
/// code means, so allocation codes and promo codes are tried in one order.
/// </summary>
/// <remarks>
/// A sale's crowd types the same few codes at once: concurrent look-ups of one code share one query, and a code found
/// is remembered (an allocation's code never changes). A code no allocation has (a promo or access code, or a typo) is
/// remembered for <see cref="AllocationOptions.CodeMissCacheTime"/>, counted from before the query that found nothing:
/// an allocation created with that code is honoured at once on the node that created it (<see cref="Forget"/>) and
/// within that time on every other node. Whether an allocation still has seats is the ticket-type grain's decision,
/// never this cache's.
/// </remarks>
public sealed class HoldCodeResolver(NpgsqlDataSource dataSource, TimeProvider time, IOptions<AllocationOptions> options)
{
    /// <summary>Most codes remembered per node (found, and found in no allocation, each); beyond it that memory starts over.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<(Guid TicketTypeId, string Code), Lazy<Task<Lookup>>> _known = new();
    private readonly ConcurrentDictionary<(Guid TicketTypeId, string Code), long> _missesUntil = new();
    private readonly long _missTicks = (long)(options.Value.CodeMissCacheTime.TotalSeconds * time.TimestampFrequency);

    // Counts this node's Forget calls: a miss found by a query that started before one is not remembered.
    private long _forgets;

    public async Task<HoldCode> ResolveAsync(Guid ticketTypeId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = Key(ticketTypeId, code);
        if (_missesUntil.TryGetValue(key, out var until))
        {
            if (time.GetTimestamp() < until)
            {
                return HoldCode.UnknownCode;
            }

            _missesUntil.TryRemove(new KeyValuePair<(Guid, string), long>(key, until));
        }

        if (_known.Count > MaxRemembered)
        {
            _known.Clear();
        }

        var lookup = _known.GetOrAdd(key, k => new Lazy<Task<Lookup>>(() => FindAllocationAsync(k.TicketTypeId, k.Code)));
        Lookup found;
        try
        {
            found = await lookup.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _known.TryRemove(new KeyValuePair<(Guid, string), Lazy<Task<Lookup>>>(key, lookup));
            throw;
        }

        if (found.AllocationId is not { } id)
        {
            _known.TryRemove(new KeyValuePair<(Guid, string), Lazy<Task<Lookup>>>(key, lookup));
            RememberMiss(key, found);
            return HoldCode.UnknownCode;
        }

        return new HoldCode.AllocationCode(id);
    }

    /// <summary>
    /// This node just created (or failed to create) an allocation with <paramref name="code"/>: what it knew of that
    /// code goes, and a look-up already under way does not bring the old answer back.
    /// </summary>
    public void Forget(Guid ticketTypeId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = Key(ticketTypeId, code);
        Interlocked.Increment(ref _forgets);
        _missesUntil.TryRemove(key, out _);
        _known.TryRemove(key, out _);
    }

    /// <summary>Codes are matched trimmed and in any case.</summary>
    private static (Guid TicketTypeId, string Code) Key(Guid ticketTypeId, string code) => (ticketTypeId, code.Trim().ToUpperInvariant());

    private void RememberMiss((Guid TicketTypeId, string Code) key, Lookup found)
    {
        if (_missTicks <= 0 || Interlocked.Read(ref _forgets) != found.ForgetsBefore)
        {
            return;
        }

        if (_missesUntil.Count > MaxRemembered)
        {
            _missesUntil.Clear();
        }

        var until = found.StartedAt + _missTicks;
        _missesUntil[key] = until;

        // A Forget between the check above and the write would have removed nothing: take it back.
        if (Interlocked.Read(ref _forgets) != found.ForgetsBefore)
        {
            _missesUntil.TryRemove(new KeyValuePair<(Guid, string), long>(key, until));
        }
    }

    // Not tied to one caller's cancellation: other callers share this query.
    private async Task<Lookup> FindAllocationAsync(Guid ticketTypeId, string code)
    {
        var forgets = Interlocked.Read(ref _forgets);
        var startedAt = time.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM ticket_allocations WHERE ticket_type_id = @ticketTypeId AND upper(code) = @code",
            new { ticketTypeId, code }));
        return new Lookup(id, startedAt, forgets);
    }

    /// <summary>A query's answer, when it started (timestamp) and how many Forget calls this node had made before it.</summary>
    private readonly record struct Lookup(Guid? AllocationId, long StartedAt, long ForgetsBefore);
}
