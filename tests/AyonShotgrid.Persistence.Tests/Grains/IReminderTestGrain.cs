namespace AyonShotgrid.Persistence.Tests.Grains;

[Alias("persistence-tests.IReminderTestGrain")]
public interface IReminderTestGrain : IGrainWithStringKey
{
    [Alias("RegisterAsync")]
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    [Alias("ListAsync")]
    Task<List<string>> ListAsync();

    [Alias("UnregisterAsync")]
    Task UnregisterAsync(string reminderName);
}
