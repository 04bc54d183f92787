using System.Text;
using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Localization;
using Fashionistas.Web.Api.Csv;
using Fashionistas.Web.Auth;

namespace Fashionistas.Web.Api;

/// <summary>The guest list as CSV for the event's organizer or an admin: the door's fallback, a spreadsheet's input.</summary>
public static class GuestListApi
{
    private const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapGuestListApi(this IEndpointRouteBuilder app)
    {
        var guests = app.MapGroup("/api/events/{id:guid}").WithTags("Check-in")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        guests.MapGet("/attendees.csv", Download).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task Download(Guid id, HttpContext http, GuestList guests, CancellationToken cancellationToken)
    {
        http.Response.ContentType = CsvContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"asistentes-{id:N}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(CsvCells.Row("nombre", "correo", "boleta", "codigo", "pedido", "ingreso", "asistente", "documento"));
        await foreach (var guest in guests.ReadAsync(id, cancellationToken))
        {
            await writer.WriteAsync(CsvCells.Row(
                guest.AttendeeName,
                guest.AttendeeEmail,
                guest.TicketTypeName,
                guest.Code,
                guest.OrderId.ToString(),
                guest.CheckedInAt is { } at ? Bogota.DateAndTime(at) : null,
                guest.NamedAttendee,
                guest.AttendeeDocument));
        }
    }
}
