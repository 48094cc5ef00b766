using AyonShotgrid.Grains.Ayon;
using Microsoft.Extensions.DependencyInjection;

namespace AyonShotgrid.Grains.Notes;

/// <summary>The services of the ShotGrid notes ↔ AYON comments sync; AYON comments go through the sync's one AYON client.</summary>
public static class NoteServiceRegistration
{
    public static IServiceCollection AddNoteServices(this IServiceCollection services)
    {
        services.AddSingleton<IAyonComments>(sp => (IAyonComments)sp.GetRequiredService<IAyonClient>());
        services.AddSingleton<NoteReader>();
        services.AddSingleton<NoteCommentPlanner>();
        services.AddSingleton<NoteEventRouter>();
        services.AddSingleton<NoteFullSync>();
        services.AddSingleton<IAyonActivities>(sp => (IAyonActivities)sp.GetRequiredService<IAyonClient>());
        services.AddSingleton<CommentPusher>();
        return services;
    }
}
