namespace Fashionistas.Web.Api;

/// <summary>Endpoint metadata: the route is on the purchase path (per-IP and per-user rate limits, <see cref="PurchaseRateLimiter"/>).</summary>
public sealed class PurchaseEndpoint;
