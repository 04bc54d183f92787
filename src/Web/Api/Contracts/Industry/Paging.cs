using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>The page/pageSize query checks of every paged list (events, my events, orders, users, industry lists).</summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>Keeps the row offset far from overflow.</summary>
    public const int MaxPage = 100_000;

    public static Validation Check(int page, int pageSize) => new Validation()
        .Require(page is >= 1 and <= MaxPage, "page", $"page must be 1 to {MaxPage}.")
        .Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be 1 to {MaxPageSize}.");
}
