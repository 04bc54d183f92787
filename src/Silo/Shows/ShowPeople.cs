namespace Fashionistas.Silo.Shows;

/// <summary>Who is in an event's show: accepted models and the designers of accepted collections.</summary>
internal static class ShowPeople
{
    /// <summary>A sub-select of the user ids in the show of <c>@eventId</c>.</summary>
    public const string Sql = """
        SELECT model_id FROM event_models WHERE event_id = @eventId AND status = 'accepted'
        UNION SELECT c.designer_id FROM event_collections ec JOIN collections c ON c.id = ec.collection_id
              WHERE ec.event_id = @eventId AND ec.status = 'accepted'
        """;
}
