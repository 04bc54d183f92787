using System.Text.Json;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>Tolerant readers for Stripe objects: absent, null or differently typed fields read as null.</summary>
internal static class StripeJson
{
    public static string? String(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static long? Int64(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var number)
            ? number
            : null;

    public static bool? Boolean(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static JsonElement Object(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    /// <summary>
    /// An expandable field is either an id string or the expanded object; either way, its id.
    /// </summary>
    public static string? Id(this JsonElement element, string property) =>
        element.String(property) ?? element.Object(property).String("id");
}
