using System.Text.Json;

namespace Fashionistas.Silo.Outbox;

/// <summary>A claimed outbox row: <see cref="Attempts"/> counts this attempt; <see cref="Payload"/> is its JSON text.</summary>
public sealed record OutboxMessage(long Id, string Kind, string Payload, int Attempts)
{
    /// <summary>The payload's <c>orderId</c> (the message kinds), or <see cref="Guid.Empty"/>.</summary>
    public Guid OrderId => IdOf("orderId");

    /// <summary>The payload's <paramref name="property"/> read as a GUID, or <see cref="Guid.Empty"/> when absent or malformed.</summary>
    public Guid IdOf(string property)
    {
        try
        {
            using var document = JsonDocument.Parse(Payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.TryGetGuid(out var id)
                    ? id
                    : Guid.Empty;
        }
        catch (JsonException)
        {
            return Guid.Empty;
        }
    }
}
