namespace AyonShotgrid.Contracts.Models;

/// <summary>One setting as the silo uses it. Secrets carry "(set)" or "(not set)", never the value.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.effective-setting.v1")]
public sealed record EffectiveSetting(string Key, string? Value, string Source, bool Secret);

/// <summary>The silo's effective configuration and the state of settings read from AYON.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.effective-configuration.v1")]
public sealed record EffectiveConfiguration(string Silo, IReadOnlyList<EffectiveSetting> Settings, AyonSettingsState? AyonSettings);

/// <summary>Where addon settings come from and how the last re-read went.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.ayon-settings-state.v1")]
public sealed record AyonSettingsState(
    string Addon,
    string Version,
    string Variant,
    DateTimeOffset? LastReadAt,
    DateTimeOffset? LastChangeAppliedAt,
    string? LastError,
    IReadOnlyList<string> PendingRestart);
