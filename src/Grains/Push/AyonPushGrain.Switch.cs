using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Push;

/// <summary>The push grain's per-project switch: the AYON project attribute <c>shotgridPush</c>, read now and then.</summary>
public sealed partial class AyonPushGrain
{
    private async Task RefreshEnabledAsync(string project)
    {
        if (_enabledReadAt is { } at && time.GetUtcNow() - at < options.Value.SettingRefresh)
        {
            return;
        }

        var info = await ayon.GetProjectAsync(project, CancellationToken.None);
        var enabled = info?.Attrib.GetValueOrDefault(PushTargets.PushAttribute) is JsonValue v
            && (v.GetValueKind() == JsonValueKind.True || (v.TryGetValue<string>(out var text) && bool.TryParse(text, out var b) && b));
        await SetEnabledStateAsync(enabled);
    }

    /// <summary>
    /// Switching on starts the cursor at AYON's newest event: what was made while the push was off is never replayed
    /// (Sync to ShotGrid sends what the project has). Read every <see cref="PushOptions.SettingRefresh"/>; the gateway's
    /// switch takes effect at once.
    /// </summary>
    private async Task SetEnabledStateAsync(bool enabled)
    {
        _enabledReadAt = time.GetUtcNow();
        if (state.State.Enabled == enabled)
        {
            return;
        }

        state.State.Enabled = enabled;
        if (enabled && state.State.AyonProjectName is { } project)
        {
            state.State.Cursor = await stream.NewestEventCursorAsync(project, CancellationToken.None);
            state.State.CursorStarted = true;
        }

        _catalog = null;
        await state.WriteStateAsync();
        LogEnabled(logger, SgProjectId, enabled);
    }
}
