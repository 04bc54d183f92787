using Dapper;
using Npgsql;

namespace Fashionistas.Silo.Allocations;

/// <summary>
/// Resolves the <c>code</c> of a hold request, case-insensitively, for one ticket type. The one place that says what a
/// code means, so allocation codes and promo codes are tried in one order.
/// </summary>
public sealed class HoldCodeResolver(NpgsqlDataSource dataSource)
{
    public async Task<HoldCode> ResolveAsync(Guid ticketTypeId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var allocationId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM ticket_allocations WHERE ticket_type_id = @ticketTypeId AND lower(code) = lower(@code)",
            new { ticketTypeId, code = code.Trim() }, cancellationToken: cancellationToken));
        return allocationId is { } id ? new HoldCode.AllocationCode(id) : HoldCode.UnknownCode;
    }
}
