using Fashionistas.Silo.Messaging;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>The admins' "sent messages": every e-mail and WhatsApp sent or (with no service configured) kept instead.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization(Policies.Admin).MapGet("/", List);
        return app;
    }

    private static Task<Results<Ok<PagedResponse<MessageLogEntry>>, ValidationProblem>> List(
        MessageJournal journal, CancellationToken cancellationToken, int page = 1, int pageSize = 20) =>
        PagedLists.ListAsync(page, pageSize, journal.ListAsync, cancellationToken);
}
