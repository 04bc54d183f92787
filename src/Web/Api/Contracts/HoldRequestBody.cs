namespace Fashionistas.Web.Api.Contracts;

/// <summary>How many seats to hold.</summary>
public sealed record HoldRequestBody(int? Quantity);
