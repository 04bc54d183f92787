namespace Fashionistas.Web.Api.Contracts;

/// <summary>One page of events.</summary>
public sealed record EventListResponse(IReadOnlyList<Fashionistas.Silo.Catalog.EventSummary> Items, int Page, int PageSize, long Total);
