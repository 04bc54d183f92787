namespace Fashionistas.Web.Api.Contracts;

/// <summary>How many seats to hold, and optionally a promo or access code of the tier's event (any case).</summary>
public sealed record HoldRequestBody(int? Quantity, string? Code = null);
