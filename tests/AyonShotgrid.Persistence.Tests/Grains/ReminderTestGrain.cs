namespace AyonShotgrid.Persistence.Tests.Grains;

/// <summary>Registers reminders far enough in the future that they never tick during a test; only the table is under test.</summary>
public sealed class ReminderTestGrain : Grain, IReminderTestGrain, IRemindable
{
    Task IReminderTestGrain.RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    async Task<List<string>> IReminderTestGrain.ListAsync()
    {
        var reminders = await this.GetReminders();
        return reminders.Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal).ToList();
    }

    async Task IReminderTestGrain.UnregisterAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"Reminder '{reminderName}' is not registered.");
        await this.UnregisterReminder(reminder);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
