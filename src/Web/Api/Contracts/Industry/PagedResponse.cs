namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>One page of a list.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
