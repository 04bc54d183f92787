using System.Security.Claims;
using System.Text;
using Fashionistas.Silo.Shows;
using Fashionistas.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>"Mi agenda": the signed-in person's shows, call times, looks and backstage slots, as JSON or an .ics file.</summary>
public static class AgendaApi
{
    public static IEndpointRouteBuilder MapAgendaApi(this IEndpointRouteBuilder app)
    {
        var agenda = app.MapGroup("/api/me").WithTags("Agenda").RequireAuthorization();
        agenda.MapGet("/agenda", Get);
        agenda.MapGet("/agenda.ics", Calendar).Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AgendaItem>>> Get(ClaimsPrincipal user, AgendaStore agenda, CancellationToken cancellationToken) =>
        TypedResults.Ok(await agenda.ForPersonAsync(user.UserId(), cancellationToken));

    /// <summary>The agenda as iCalendar; <paramref name="lang"/> <c>en</c> gives English titles, anything else Spanish.</summary>
    private static async Task<FileContentHttpResult> Calendar(
        ClaimsPrincipal user, AgendaStore agenda, TimeProvider time, CancellationToken cancellationToken, string? lang = null)
    {
        var items = await agenda.ForPersonAsync(user.UserId(), cancellationToken);
        var english = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
        var ics = AgendaCalendar.ToIcs(items, item => AgendaTitles.Of(item, english), time.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "mi-agenda.ics");
    }
}
