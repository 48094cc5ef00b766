using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Configuration;

/// <summary>
/// The attribute map checked against both schemas. A full sync resolves it afresh (a map that does not fit stops it
/// with a clear message); the leecher reuses a recent resolution, so a burst of events does not read both schemas per
/// poll, and a map that does not fit leaves its creates without mapped attributes (logged) instead of failing them.
/// </summary>
public sealed partial class AttributeMapSource(
    IAyonClient ayon, ShotGridProjectReader reader, IOptions<SyncOptions> syncOptions, TimeProvider time, ILogger<AttributeMapSource> logger)
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private (ResolvedAttributeMap Map, DateTimeOffset At)? _recent;

    /// <param name="schemas">ShotGrid fields shared with the rest of the same sync's start (see <see cref="ShotGrid.ShotGridSchemaReads"/>).</param>
    public async Task<ResolvedAttributeMap> ResolveAsync(CancellationToken cancellationToken, ShotGrid.ShotGridSchemaReads? schemas = null)
    {
        var entries = AttributeMapEntry.From(syncOptions.Value);
        var map = ResolvedAttributeMap.Empty;
        if (entries.Count > 0)
        {
            var sgFields = await reader.ReadSchemaAsync(entries.Select(e => e.SgType), cancellationToken, schemas);
            var ayonAttributes = await ayon.GetAttributesAsync(cancellationToken);
            map = AttributeMapResolver.Resolve(entries, sgFields, ayonAttributes);
        }

        lock (_gate)
        {
            _recent = (map, time.GetUtcNow());
        }

        return map;
    }

    public async Task<ResolvedAttributeMap> RecentAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_recent is { } recent && time.GetUtcNow() - recent.At < ReuseFor)
            {
                return recent.Map;
            }
        }

        try
        {
            return await ResolveAsync(cancellationToken);
        }
        catch (SyncSetupException e)
        {
            LogUnfit(logger, e.Message);
            lock (_gate)
            {
                _recent = (ResolvedAttributeMap.Empty, time.GetUtcNow());
            }

            return ResolvedAttributeMap.Empty;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The leecher creates entities without mapped attributes: {Reason}")]
    private static partial void LogUnfit(ILogger logger, string reason);
}
