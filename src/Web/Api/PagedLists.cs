using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>The one way a list endpoint answers a page query: 400 on a bad page/pageSize, else one page from its store.</summary>
internal static class PagedLists
{
    public static async Task<Results<Ok<PagedResponse<T>>, ValidationProblem>> ListAsync<T>(
        int page,
        int pageSize,
        Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Items, long Total)>> list,
        CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { IsValid: false } validation)
        {
            return Problems.Invalid(validation.Errors);
        }

        var (items, total) = await list(page, pageSize, cancellationToken);
        return TypedResults.Ok(new PagedResponse<T>(items, page, pageSize, total));
    }
}
