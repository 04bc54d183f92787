using System.Diagnostics.CodeAnalysis;
using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>The storage (and wire) names of <see cref="EventStatus"/>: the values allowed by events.status.</summary>
public static class EventStatusNames
{
    public static string ToStorageName(this EventStatus status) => status switch
    {
        EventStatus.Draft => "draft",
        EventStatus.Review => "review",
        EventStatus.Revision => "revision",
        EventStatus.Published => "published",
        EventStatus.OnSale => "on_sale",
        EventStatus.SoldOut => "sold_out",
        EventStatus.InProgress => "in_progress",
        EventStatus.Completed => "completed",
        EventStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown event status."),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out EventStatus? status)
    {
        status = name switch
        {
            "draft" => EventStatus.Draft,
            "review" => EventStatus.Review,
            "revision" => EventStatus.Revision,
            "published" => EventStatus.Published,
            "on_sale" => EventStatus.OnSale,
            "sold_out" => EventStatus.SoldOut,
            "in_progress" => EventStatus.InProgress,
            "completed" => EventStatus.Completed,
            "cancelled" => EventStatus.Cancelled,
            _ => null,
        };
        return status is not null;
    }

    /// <summary>Parses a name read from the database, where anything else would be a corrupt row.</summary>
    public static EventStatus Parse(string name) =>
        TryParse(name, out var status)
            ? status.Value
            : throw new FormatException($"'{name}' is not an event status.");
}
