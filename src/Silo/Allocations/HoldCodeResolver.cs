using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Allocations;

/// <summary>
/// Resolves the <c>code</c> of a hold request, case-insensitively, for one ticket type. The one place that says what a
/// code means, so allocation codes and promo codes are tried in one order.
/// </summary>
/// <remarks>
/// A sale's crowd types the same few codes at once: concurrent look-ups of one code share one query, and a code found
/// is remembered (an allocation's code never changes). Unknown codes are not remembered, so a code made a moment ago
/// works at once; whether its allocation still has seats is the ticket-type grain's decision, never this cache's.
/// </remarks>
public sealed class HoldCodeResolver(NpgsqlDataSource dataSource)
{
    /// <summary>Most codes remembered per node; beyond it the memory starts over.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<(Guid TicketTypeId, string Code), Lazy<Task<Guid?>>> _known = new();

    public async Task<HoldCode> ResolveAsync(Guid ticketTypeId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = (ticketTypeId, code.Trim().ToUpperInvariant());
        if (_known.Count > MaxRemembered)
        {
            _known.Clear();
        }

        var lookup = _known.GetOrAdd(key, k => new Lazy<Task<Guid?>>(() => FindAllocationAsync(k.TicketTypeId, k.Code)));
        Guid? allocationId;
        try
        {
            allocationId = await lookup.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _known.TryRemove(new KeyValuePair<(Guid, string), Lazy<Task<Guid?>>>(key, lookup));
            throw;
        }

        if (allocationId is not { } id)
        {
            _known.TryRemove(new KeyValuePair<(Guid, string), Lazy<Task<Guid?>>>(key, lookup));
            return HoldCode.UnknownCode;
        }

        return new HoldCode.AllocationCode(id);
    }

    // Not tied to one caller's cancellation: other callers share this query.
    private async Task<Guid?> FindAllocationAsync(Guid ticketTypeId, string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM ticket_allocations WHERE ticket_type_id = @ticketTypeId AND upper(code) = @code",
            new { ticketTypeId, code }));
    }
}
