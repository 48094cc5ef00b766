using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Options;

/// <summary>
/// <see cref="IOptions{TOptions}"/> that answers the monitor's current value instead of the value bound at first use:
/// settings re-read from AYON reach every consumer (the next grain activation, the next poll, the next token) without
/// each consumer having to know that configuration can change.
/// </summary>
internal sealed class LiveOptions<TOptions>(IOptionsMonitor<TOptions> monitor) : IOptions<TOptions>
    where TOptions : class
{
    public TOptions Value => monitor.CurrentValue;
}
