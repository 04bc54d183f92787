namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// How many seats to hold, and optionally a code of the tier's event (any case): a reserved allocation's code draws the
/// seats from it, otherwise a promo or access code prices or opens the tier.
/// </summary>
public sealed record HoldRequestBody(int? Quantity, string? Code = null);
