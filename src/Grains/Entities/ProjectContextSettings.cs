using AyonShotgrid.Grains.Configuration;

namespace AyonShotgrid.Grains.Entities;

/// <summary>The part of a <see cref="ProjectContext"/> that comes from the project's sync settings, which change without a reload.</summary>
public static class ProjectContextSettings
{
    public static ProjectContext WithSettings(this ProjectContext context, ProjectSyncSettings settings) => context with
    {
        DefaultTaskType = settings.DefaultTaskType,
        DuplicateNamePolicy = settings.DuplicateNamePolicy,
        Hierarchy = settings.Preset,
    };
}
