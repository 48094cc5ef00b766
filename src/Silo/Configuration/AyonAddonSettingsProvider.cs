namespace AyonShotgrid.Silo.Configuration;

/// <summary>
/// Configuration provider holding the values read from the AYON addon's settings (and the secret they name).
/// It sits above appsettings.json and below environment variables and the command line, so an operator's explicit
/// setting wins, AYON's settings win over the shipped defaults, and a re-read replaces its values in place.
/// </summary>
public sealed class AyonAddonSettingsProvider : ConfigurationProvider, IConfigurationSource
{
    public AyonAddonSettingsProvider(AyonAddonLocation location, IDictionary<string, string?> values)
    {
        Location = location;
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
    }

    public AyonAddonLocation Location { get; }

    /// <summary>A copy of what the provider holds now.</summary>
    public IReadOnlyDictionary<string, string?> Values => new Dictionary<string, string?>(Data, StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces every value and tells options monitors to rebind.</summary>
    public void Replace(IReadOnlyDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override string ToString() => $"AYON addon settings ({Location.Addon} {Location.Version}, {Location.Variant})";
}
