using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AyonShotgrid.Grains.Projects;

/// <summary>Lists ShotGrid projects with their link state. Stateless, so any silo answers and calls run side by side.</summary>
[StatelessWorker]
public sealed class ShotGridDirectoryGrain(IShotGridClient shotGrid, IOptions<ShotGridOptions> options) : Grain, IShotGridDirectoryGrain
{
    Task<IReadOnlyList<ShotGridProjectSummary>> IShotGridDirectoryGrain.ListProjectsAsync() => GrainErrors.Translate(ListCoreAsync);

    private async Task<IReadOnlyList<ShotGridProjectSummary>> ListCoreAsync()
    {
        var codeField = options.Value.ProjectCodeField;
        var records = await shotGrid.SearchAllAsync(
            SyncEntityTypes.Project,
            SgFilter.And().Where("is_template", "is_not", true),
            ["name", codeField],
            CancellationToken.None,
            sort: "name");

        var site = options.Value.SiteName;
        var statuses = await Task.WhenAll(records.Select(r => GrainFactory.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(site, r.Id)).GetStatusAsync()));
        return records.Zip(statuses, (r, s) => new ShotGridProjectSummary(
            r.Id,
            r.GetString("name") ?? $"Project {r.Id}",
            r.GetString(codeField),
            s.AyonProjectName is not null,
            s.AyonProjectName,
            s.LastSync?.State,
            s.LastSync?.FinishedAt)).ToList();
    }
}
