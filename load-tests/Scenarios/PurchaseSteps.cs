using System.Text.Json;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>The buyer's steps on the hot path, shared by the scenarios.</summary>
public sealed class PurchaseSteps(TicketingClient client, RunRecorder recorder, RetryPolicy retry)
{
    public const string AvailabilityStep = "availability";
    public const string HoldStep = "hold";
    public const string CheckoutStep = "checkout";
    public const string TicketsStep = "tickets";

    /// <summary>
    /// Holds up to <paramref name="wanted"/> seats. When the answer is "sold out" with some seats left, asks again for
    /// what is left (a real buyer takes fewer rather than none), so a sale ends with every seat taken or every
    /// buyer served. Each distinct quantity gets its own idempotency key; retries of one quantity reuse it.
    /// </summary>
    public async Task<(StepResult? Accepted, int Quantity)> HoldAsync(
        string token, Guid ticketTypeId, int wanted, string keyPrefix, CancellationToken cancellationToken)
    {
        var quantity = wanted;
        while (quantity > 0 && !cancellationToken.IsCancellationRequested)
        {
            var q = quantity;
            var result = await retry.RunAsync(HoldStep, recorder,
                () => client.HoldAsync(token, ticketTypeId, q, $"{keyPrefix}-{q}", cancellationToken), _ => q, cancellationToken);
            if (result.IsSuccess)
            {
                recorder.HoldAccepted(q);
                return (result, q);
            }

            if (result.Status != 409)
            {
                return (null, 0);
            }

            var available = result.Int("available");
            if (available is null)
            {
                recorder.Outcome($"hold 409: {result.Text("title") ?? "conflict"}");
                return (null, 0);
            }

            recorder.Outcome(available > 0 ? "hold 409: sold out, asked for fewer" : "hold 409: sold out");
            quantity = Math.Min(quantity - 1, available.Value);
        }

        return (null, 0);
    }

    public Task<StepResult> AvailabilityAsync(string? token, Guid eventId, CancellationToken cancellationToken) =>
        retry.RunAsync(AvailabilityStep, recorder, () => client.AvailabilityAsync(token, eventId, cancellationToken), _ => 0, cancellationToken);

    /// <summary>Checks a hold out; the tickets it issued (codes when the answer lists them).</summary>
    public async Task<(StepResult Result, int Tickets, IReadOnlyList<string> Codes)> CheckoutAsync(
        string token, Guid holdId, int quantity, CancellationToken cancellationToken)
    {
        var result = await retry.RunAsync(CheckoutStep, recorder,
            () => client.CheckoutAsync(token, holdId, $"checkout-{holdId}", cancellationToken), r => TicketsOf(r, quantity).Count, cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Status == 409 || result.Status == 402)
            {
                recorder.Outcome($"checkout {result.Status}: {result.Text("title") ?? "refused"}");
            }

            return (result, 0, []);
        }

        var codes = Codes(result.Body);
        var tickets = TicketsOf(result, quantity).Count;
        recorder.TicketsAdded(tickets);
        recorder.Outcome($"checkout: {result.Text("status") ?? "ok"}");
        return (result, tickets, codes);
    }

    /// <summary>Reads the buyer's tickets; how many are of <paramref name="ticketTypeId"/> and their codes.</summary>
    public async Task<(StepResult Result, int Count, IReadOnlyList<string> Codes)> MyTicketsAsync(
        string token, Guid ticketTypeId, CancellationToken cancellationToken)
    {
        var result = await retry.RunAsync(TicketsStep, recorder, () => client.MyTicketsAsync(token, cancellationToken), _ => 0, cancellationToken);
        if (!result.IsSuccess)
        {
            return (result, 0, []);
        }

        var items = Items(result.Body)
            .Where(t => !t.TryGetProperty("ticketTypeId", out var tt) || tt.GetString() == ticketTypeId.ToString())
            .ToList();
        return (result, items.Count, [.. items.Select(Code).OfType<string>()]);
    }

    /// <summary>Tickets of a checkout answer: its list when it has one, else the hold's quantity when paid.</summary>
    private static IReadOnlyList<JsonElement> TicketsOf(StepResult result, int quantity)
    {
        if (result.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("tickets", out var tickets) && tickets.ValueKind == JsonValueKind.Array)
        {
            return [.. tickets.EnumerateArray()];
        }

        return string.Equals(result.Text("status"), "paid", StringComparison.OrdinalIgnoreCase) ? Enumerable.Repeat(default(JsonElement), quantity).ToList() : [];
    }

    private static IReadOnlyList<string> Codes(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("tickets", out var tickets) && tickets.ValueKind == JsonValueKind.Array
            ? [.. tickets.EnumerateArray().Select(Code).OfType<string>()]
            : [];

    private static IEnumerable<JsonElement> Items(JsonElement? body)
    {
        if (body is not { } b)
        {
            return [];
        }

        if (b.ValueKind == JsonValueKind.Array)
        {
            return b.EnumerateArray();
        }

        foreach (var name in new[] { "items", "tickets" })
        {
            if (b.ValueKind == JsonValueKind.Object && b.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                return list.EnumerateArray();
            }
        }

        return [];
    }

    private static string? Code(JsonElement ticket) =>
        ticket.ValueKind == JsonValueKind.Object && ticket.TryGetProperty("code", out var code) ? code.GetString() : null;
}
