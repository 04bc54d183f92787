namespace Fashionistas.Web.Api;

/// <summary>Endpoint metadata: the route is on the purchase path (per-IP rate limit).</summary>
public sealed class PurchaseEndpoint;
