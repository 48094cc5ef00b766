using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Projects;

/// <summary>
/// The notes switches in effect, for each direction: the project's own (gateway settings, sync page), else the AYON
/// addon's project settings (<c>notes_from_shotgrid</c> / <c>notes_to_shotgrid</c>, where a project overrides the
/// studio), else the cluster's option. AYON's answer is kept for a minute; when AYON cannot be asked the last answer
/// (or the option) stands.
/// </summary>
public sealed partial class ShotGridProjectGrain
{
    private static readonly TimeSpan AyonNoteSwitchesFor = TimeSpan.FromMinutes(1);
    private (bool? From, bool? To, DateTimeOffset At)? _ayonNoteSwitches;

    private async Task<bool> NotesFromShotGridAsync() =>
        state.State.NotesFromShotGrid ?? (await AyonNoteSwitchesAsync()).From ?? syncOptions.Value.NotesFromShotGrid;

    private async Task<bool> NotesToShotGridAsync() =>
        state.State.NotesToShotGrid ?? (await AyonNoteSwitchesAsync()).To ?? syncOptions.Value.NotesToShotGrid;

    private async Task<(bool? From, bool? To)> AyonNoteSwitchesAsync()
    {
        var now = clock.UtcNow;
        if (state.State.AyonProjectName is not { } project || (_ayonNoteSwitches is { } known && now - known.At < AyonNoteSwitchesFor))
        {
            return (_ayonNoteSwitches?.From, _ayonNoteSwitches?.To);
        }

        try
        {
            var (from, to) = await ServiceProvider.GetRequiredService<Configuration.ProjectSettingsReader>().ReadNoteSwitchesAsync(project, CancellationToken.None);
            _ayonNoteSwitches = (from, to, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _ayonNoteSwitches = (_ayonNoteSwitches?.From, _ayonNoteSwitches?.To, now);
            LogNoteSwitchesUnread(logger, e, SgProjectId);
        }

        return (_ayonNoteSwitches?.From, _ayonNoteSwitches?.To);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId}: the notes switches of the AYON project settings could not be read; the last ones stand")]
    private static partial void LogNoteSwitchesUnread(ILogger logger, Exception exception, long sgProjectId);
}
