namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>What filters, sorting and the record writer read: an entity row or an event-log row.</summary>
internal interface IRecordView
{
    string Type { get; }

    long Id { get; }

    /// <summary>The stored value of a field (null when unset). Values: string, long, double, bool, DateTimeOffset, EntityLink, List&lt;EntityLink&gt;, JsonNode.</summary>
    object? Get(string field);
}
