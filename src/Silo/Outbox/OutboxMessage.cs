using System.Text.Json;

namespace Fashionistas.Silo.Outbox;

/// <summary>A claimed outbox row: <see cref="Attempts"/> counts this attempt; <see cref="Payload"/> is its JSON text.</summary>
/// <remarks>The payload readers answer "absent" for a missing, mistyped or unreadable value; handlers decide what that means.</remarks>
public sealed record OutboxMessage(long Id, string Kind, string Payload, int Attempts)
{
    /// <summary>Names the messages this row sends (plus their channel), so a retried row skips what already went out.</summary>
    public string DedupeKey => $"outbox:{Id}";

    /// <summary>The payload's <c>orderId</c> (the message kinds), or <see cref="Guid.Empty"/>.</summary>
    public Guid OrderId => IdOf("orderId");

    /// <summary>The payload's <paramref name="property"/> read as a GUID, or <see cref="Guid.Empty"/> when absent or malformed.</summary>
    public Guid IdOf(string property) =>
        TryGet(property, JsonValueKind.String, out var value) && value.TryGetGuid(out var id) ? id : Guid.Empty;

    /// <summary>The GUIDs of the payload's array <paramref name="property"/> (malformed items left out); empty when absent.</summary>
    public IReadOnlyList<Guid> IdsOf(string property) =>
        TryGet(property, JsonValueKind.Array, out var values)
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String && v.TryGetGuid(out _)).Select(v => v.GetGuid())]
            : [];

    /// <summary>The payload's <paramref name="property"/> when it is a string, else null.</summary>
    public string? TextOf(string property) =>
        TryGet(property, JsonValueKind.String, out var value) ? value.GetString() : null;

    /// <summary>The payload's <paramref name="property"/> when it is a whole number, else null.</summary>
    public long? NumberOf(string property) =>
        TryGet(property, JsonValueKind.Number, out var value) && value.TryGetInt64(out var number) ? number : null;

    private bool TryGet(string property, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(Payload);
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out value) && value.ValueKind == kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
