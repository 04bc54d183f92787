using Fashionistas.Silo.Checkout;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>An event's orders, for its organizer or an admin (the dashboard's order list, where refunds start).</summary>
public static class EventOrdersApi
{
    public static IEndpointRouteBuilder MapEventOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/events/{id:guid}/orders").WithTags("Orders")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        orders.MapGet("/", List);
        return app;
    }

    private static async Task<Results<Ok<PagedResponse<EventOrderSummary>>, ValidationProblem>> List(
        Guid id, EventOrders orders, CancellationToken cancellationToken,
        string? status = null, string? search = null, int page = 1, int pageSize = 20)
    {
        var filter = new EventOrderFilter(status, search);
        if (filter.Validate() is { IsValid: false } validation)
        {
            return Problems.Invalid(validation.Errors);
        }

        return await PagedLists.ListAsync(page, pageSize,
            (p, size, ct) => orders.ListAsync(id, filter.Status, filter.Search, p, size, ct), cancellationToken);
    }
}
