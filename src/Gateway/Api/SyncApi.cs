using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Gateway.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AyonShotgrid.Gateway.Api;

/// <summary>The hooks AYON (its addon, its web UI, a person with curl) calls. Handlers only address grains; the work runs in the cluster.</summary>
public static class SyncApi
{
    public static IEndpointRouteBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        var shotgrid = app.MapGroup("/api/shotgrid/projects").WithTags("ShotGrid projects");
        shotgrid.MapGet("/", ListProjects).WithName("ListProjects").WithSummary("ShotGrid projects and whether each is linked to AYON");
        shotgrid.MapGet("/{sgProjectId:long}", GetProject).WithName("GetProject").WithSummary("State of a project grain: AYON link, last sync, event cursor");
        shotgrid.MapPost("/{sgProjectId:long}/prepare", Prepare).WithName("PrepareProject").WithSummary("Prepare Project: make sure the AYON project exists with what the sync needs");
        shotgrid.MapPut("/{sgProjectId:long}/settings", PutSettings).WithName("PutProjectSettings").WithSummary("Per-project settings: applyChanges (the leecher applies ShotGrid changes to existing AYON entities; null = configured default), pushToShotGrid (AYON → ShotGrid push), notesFromShotGrid (ShotGrid notes become AYON comments), notesToShotGrid (AYON comments become ShotGrid notes, with the push on), hierarchyPreset (flat, grouped; null = AYON project setting)");
        shotgrid.MapPost("/{sgProjectId:long}/push", SyncToShotGrid).WithName("SyncToShotGrid")
            .WithSummary("Start a Sync to ShotGrid job: create in ShotGrid every AYON folder, task, version and published file it lacks (never updates or deletes); dryRun lists them in the job's changes. 409 while the project's push is off");
        shotgrid.MapPost("/{sgProjectId:long}/sync", StartSync).WithName("SyncFromShotGrid").WithSummary("Start a sync from ShotGrid (create-only unless overrideDifferences)");
        app.MapGet("/api/shotgrid/leecher", GetLeecher).WithTags("Leecher").WithName("GetLeecher").WithSummary("The site's event leecher: running, followed projects, polls, last poll error");
        app.MapGet("/api/configuration", GetConfiguration).WithTags("Configuration").WithName("GetConfiguration")
            .WithSummary("The configuration the silos run with: each setting's value and source (secrets masked), and how the last re-read of AYON addon settings went");
        app.MapGet("/api/jobs/{jobId}", GetJob).WithTags("Jobs").WithName("GetJob").WithSummary("Status of a sync job (from ShotGrid, or toShotGrid): state, phase, progress, counts, issues, changes");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ProjectListItem>>, ProblemHttpResult>> ListProjects(IGrainFactory grains, SiteName site) =>
        await Guard(async () => (IReadOnlyList<ProjectListItem>)(await ClusterReads.ReadAsync(() => grains.GetGrain<IShotGridDirectoryGrain>(GrainKeys.Directory(site.Value)).ListProjectsAsync())).Select(ProjectListItem.From).ToList());

    private static async Task<Results<Ok<ProjectStatus>, ProblemHttpResult>> GetProject(long sgProjectId, IGrainFactory grains, SiteName site) =>
        await Guard(async () => (await ClusterReads.ReadAsync(() => Project(grains, site, sgProjectId).GetExistingStatusAsync())).ForApi());

    private static async Task<Results<Ok<PrepareResult>, ProblemHttpResult>> Prepare(long sgProjectId, IGrainFactory grains, SiteName site) =>
        await Guard(() => Project(grains, site, sgProjectId).PrepareAsync());

    private static Task<Results<Accepted<SyncStarted>, ProblemHttpResult>> StartSync(long sgProjectId, SyncRequestBody? body, IGrainFactory grains, SiteName site, HttpContext http) =>
        StartJobAsync(sgProjectId, new SyncRequest(body?.OverrideDifferences ?? false, body?.RequestedBy, body?.DryRun ?? false), grains, site, http);

    /// <summary>Both directions' jobs: 202 with the job and where to follow it.</summary>
    private static async Task<Results<Accepted<SyncStarted>, ProblemHttpResult>> StartJobAsync(long sgProjectId, SyncRequest request, IGrainFactory grains, SiteName site, HttpContext http)
    {
        var result = await Guard(() => Project(grains, site, sgProjectId).StartSyncAsync(request));
        if (result.Result is ProblemHttpResult problem)
        {
            return problem;
        }

        var job = ((Ok<SyncJobStatus>)result.Result).Value!.ForApi();
        var url = $"{http.Request.PathBase}/api/jobs/{job.JobId}";
        return TypedResults.Accepted(url, new SyncStarted(job.JobId, url, job));
    }

    private static async Task<Results<Ok<ProjectStatus>, ProblemHttpResult>> PutSettings(long sgProjectId, ProjectSettingsBody body, IGrainFactory grains, SiteName site) =>
        await Guard(async () =>
        {
            var project = Project(grains, site, sgProjectId);
            // A body with only pushToShotGrid switches the push and leaves the other settings as they are; otherwise the PUT
            // sets applyChanges and hierarchyPreset both.
            // notesFromShotGrid likewise.
            var status = body.PushToShotGrid is { } push ? await project.SetPushAsync(push) : null;
            status = body.NotesFromShotGrid is { } notes ? await project.SetNotesFromShotGridAsync(notes) : status;
            status = body.NotesToShotGrid is { } notesTo ? await project.SetNotesToShotGridAsync(notesTo) : status;
            if (status is not null && body.ApplyChanges is null && body.HierarchyPreset is null)
            {
                return status!.ForApi();
            }

            await project.SetHierarchyPresetAsync(body.HierarchyPreset);
            return (await project.SetApplyChangesAsync(body.ApplyChanges)).ForApi();
        });

    private static Task<Results<Accepted<SyncStarted>, ProblemHttpResult>> SyncToShotGrid(long sgProjectId, PushRequestBody? body, IGrainFactory grains, SiteName site, HttpContext http) =>
        StartJobAsync(sgProjectId, new SyncRequest(RequestedBy: body?.RequestedBy, DryRun: body?.DryRun ?? false, ToShotGrid: true), grains, site, http);

    private static async Task<Ok<LeecherStatus>> GetLeecher(IGrainFactory grains, SiteName site) =>
        TypedResults.Ok(await ClusterReads.ReadAsync(() => grains.GetGrain<IShotGridLeecherGrain>(GrainKeys.Leecher(site.Value)).GetStatusAsync()));

    private static async Task<Ok<EffectiveConfiguration>> GetConfiguration(IGrainFactory grains) =>
        TypedResults.Ok(await ClusterReads.ReadAsync(() => grains.GetGrain<IConfigurationViewGrain>(GrainKeys.ConfigurationView()).GetAsync()));

    private static async Task<Results<Ok<SyncJobStatus>, NotFound<ProblemDetailsLite>, ProblemHttpResult>> GetJob(string jobId, IGrainFactory grains)
    {
        if (!JobIds.TryToGrainKey(jobId, out var key))
        {
            return TypedResults.Problem(detail: $"'{jobId}' is not a job id.", statusCode: StatusCodes.Status400BadRequest);
        }

        var status = await ClusterReads.ReadAsync(() => grains.GetGrain<ISyncJobGrain>(key).GetStatusAsync());
        return status is null
            ? TypedResults.NotFound(new ProblemDetailsLite("Not Found", $"No sync job '{jobId}'."))
            : TypedResults.Ok(status.ForApi());
    }

    private static IShotGridProjectGrain Project(IGrainFactory grains, SiteName site, long sgProjectId) =>
        grains.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(site.Value, sgProjectId));

    /// <summary>Turns the grains' reported failures into problem answers with the status a caller can act on.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (SyncOperationException e)
        {
            var status = e.Kind switch
            {
                SyncFailureKind.NotFound => StatusCodes.Status404NotFound,
                SyncFailureKind.Conflict => StatusCodes.Status409Conflict,
                SyncFailureKind.Invalid => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status502BadGateway,
            };
            return TypedResults.Problem(detail: e.Message, statusCode: status, title: e.Kind.ToString());
        }
    }
}

/// <summary>A minimal problem body for typed 404 answers.</summary>
public sealed record ProblemDetailsLite(string Title, string Detail);
