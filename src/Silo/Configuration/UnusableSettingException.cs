namespace AyonShotgrid.Silo.Configuration;

/// <summary>
/// A setting the silo cannot start with. The message is the one line an operator reads: the setting, where it was
/// read from and what is wrong with it (never a secret's value). Derives from <see cref="InvalidOperationException"/>
/// so the settings re-read, which already treats that as "keep the previous settings", still does.
/// </summary>
public sealed class UnusableSettingException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
