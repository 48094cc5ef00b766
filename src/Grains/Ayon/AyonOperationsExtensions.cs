namespace AyonShotgrid.Grains.Ayon;

/// <summary>One AYON operation on its own, whose refusal the caller reads (canFail) instead of catching.</summary>
public static class AyonOperationsExtensions
{
    public static async Task<AyonOperationResult?> SendOneAsync(this IAyonClient ayon, string project, AyonOperation operation)
    {
        var response = await ayon.SendOperationsAsync(project, [operation], canFail: true, CancellationToken.None);
        return response.Operations.FirstOrDefault();
    }
}
