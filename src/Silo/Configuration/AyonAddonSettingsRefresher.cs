using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Silo.Configuration;

/// <summary>
/// Re-reads the AYON addon settings every <c>Ayon:SettingsRefreshInterval</c> (default one minute) and applies what
/// changed without a restart: options monitors rebind, so the leecher's next tick uses a new poll interval and the
/// next ShotGrid call mints a token with new credentials. A change that fails validation is rolled back and
/// reported; settings that name the ShotGrid site (URL, site) only change with a restart, because grain keys hold them.
/// </summary>
public sealed partial class AyonAddonSettingsRefresher(
    AyonAddonSettingsProvider provider,
    IOptionsMonitor<ShotGridOptions> shotGrid,
    IOptionsMonitor<SyncOptions> sync,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AyonAddonSettingsRefresher> logger) : BackgroundService, IAyonSettingsStatus
{
    private static readonly string[] PinnedKeys = ["ShotGrid:Url", "ShotGrid:Site"];

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastReadAt = time.GetUtcNow();
    private DateTimeOffset? _lastAppliedAt;
    private string? _lastError;
    private IReadOnlyList<string> _pendingRestart = [];

    public AyonSettingsState Current
    {
        get
        {
            lock (_gate)
            {
                var l = provider.Location;
                return new AyonSettingsState(l.Addon, l.Version, l.Variant, _lastReadAt, _lastAppliedAt, _lastError, _pendingRestart);
            }
        }
    }

    /// <summary>One re-read; public so tests can drive it without waiting for the interval.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, string?> read;
        try
        {
            read = await AyonAddonSettings.ReadAsync(provider.Location, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // AYON unreachable or the addon gone: keep running on what was read last.
            Record(error: $"re-reading the addon settings failed, the previous ones stay in use: {e.Message}");
            LogReadFailed(logger, provider.Location.ToString(), e.Message);
            return;
        }

        var before = provider.Values;
        var pending = PinnedKeys.Where(k => !string.Equals(Value(read, k), Value(before, k), StringComparison.Ordinal)).ToList();
        foreach (var key in pending)
        {
            // Keep the running value; say that a restart is needed to take the new one.
            if (before.TryGetValue(key, out var kept))
            {
                read[key] = kept;
            }
            else
            {
                read.Remove(key);
            }
        }

        var changed = read.Keys.Union(before.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(k => !string.Equals(Value(read, k), Value(before, k), StringComparison.Ordinal))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (changed.Count == 0)
        {
            Record(pending: pending);
            return;
        }

        if (Apply(read) is { } invalid)
        {
            Apply(before);
            Record(error: $"the changed addon settings were not applied: {invalid}", pending: pending);
            LogRejected(logger, string.Join(", ", changed), invalid);
            return;
        }

        Record(applied: true, pending: pending);
        LogApplied(logger, string.Join(", ", changed));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Ayon:SettingsRefreshInterval", TimeSpan.FromMinutes(1));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    /// <summary>Replaces the provider's values; returns why the options they produce are invalid, or null.</summary>
    private string? Apply(IReadOnlyDictionary<string, string?> values)
    {
        try
        {
            // Options monitors with change listeners rebind (and validate) inside the reload notification itself.
            provider.Replace(values);
            _ = shotGrid.CurrentValue;
            _ = sync.CurrentValue;
            return null;
        }
        catch (Exception e) when (Invalid(e) is not null)
        {
            return string.Join("; ", Invalid(e)!.Failures);
        }
    }

    private static OptionsValidationException? Invalid(Exception e) => e switch
    {
        OptionsValidationException invalid => invalid,
        AggregateException many => many.Flatten().InnerExceptions.Select(Invalid).FirstOrDefault(i => i is not null),
        _ => null,
    };

    private void Record(string? error = null, bool applied = false, IReadOnlyList<string>? pending = null)
    {
        lock (_gate)
        {
            _lastReadAt = time.GetUtcNow();
            _lastError = error;
            if (applied)
            {
                _lastAppliedAt = _lastReadAt;
            }

            if (pending is not null)
            {
                _pendingRestart = pending;
            }
        }
    }

    private static string? Value(IReadOnlyDictionary<string, string?> values, string key) => values.TryGetValue(key, out var v) ? v : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "AYON addon settings changed and were applied: {Keys}")]
    private static partial void LogApplied(ILogger logger, string keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "AYON addon settings changed ({Keys}) but were not applied because they are invalid: {Reason}")]
    private static partial void LogRejected(ILogger logger, string keys, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading the AYON addon settings from {Location} failed; the previous settings stay in use: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string location, string reason);
}
