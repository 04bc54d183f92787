namespace Fashionistas.Silo.Shows;

/// <summary>How replacing a running order ended.</summary>
public enum RunningOrderOutcome
{
    Done,

    /// <summary>A line names a collection that is not accepted in this show.</summary>
    CollectionNotInShow,

    /// <summary>A line names a model who has not accepted a casting for this show.</summary>
    ModelNotInShow,
}
