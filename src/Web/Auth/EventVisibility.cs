using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Catalog;

namespace Fashionistas.Web.Auth;

/// <summary>Who may see an event at all: everyone once it is published, its organizer and admins before that.</summary>
public static class EventVisibility
{
    public static bool CanSee(this ClaimsPrincipal user, EventSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return EventCatalog.PublicStatuses.Contains(snapshot.Status.ToStorageName()) || user.CanManage(snapshot.OrganizerId);
    }
}
