using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>The storage names of <see cref="TicketStatus"/> (tickets.status CHECK).</summary>
public static class TicketStatusNames
{
    public static string ToStorageName(this TicketStatus status) => status switch
    {
        TicketStatus.Valid => "valid",
        TicketStatus.Void => "void",
        TicketStatus.Transferred => "transferred",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown ticket status."),
    };

    public static TicketStatus Parse(string name) => name switch
    {
        "valid" => TicketStatus.Valid,
        "void" => TicketStatus.Void,
        "transferred" => TicketStatus.Transferred,
        _ => throw new FormatException($"'{name}' is not a ticket status."),
    };
}
