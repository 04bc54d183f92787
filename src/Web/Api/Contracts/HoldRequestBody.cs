namespace Fashionistas.Web.Api.Contracts;

/// <summary>How many seats to hold; <c>code</c> (optional) draws them from what the code opens, e.g. a reserved allocation.</summary>
public sealed record HoldRequestBody(int? Quantity, string? Code = null);
