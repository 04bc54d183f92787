namespace Fashionistas.Web.Errors;

/// <summary>Collects field errors of a request; empty when the request is valid.</summary>
public sealed class Validation
{
    /// <summary>Longest <c>Idempotency-Key</c> header the purchase routes accept.</summary>
    public const int MaxIdempotencyKeyLength = 100;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition && !_errors.ContainsKey(field))
        {
            _errors[field] = [message];
        }

        return this;
    }

    public Validation Text(string? value, string field, int maxLength, bool required = true) =>
        Require(!required || !string.IsNullOrWhiteSpace(value), field, $"{field} is required.")
            .Require(value is null || value.Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");

    /// <summary>An optional <c>Idempotency-Key</c> header: 1 to <see cref="MaxIdempotencyKeyLength"/> printable ASCII characters.</summary>
    public Validation IdempotencyKey(string? key) =>
        Require(key is null || (key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~')),
            "Idempotency-Key", $"Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters.");
}
