namespace AyonShotgrid.Grains.Http;

/// <summary>
/// Last line of defence for messages built from server answers: a server that echoes a credential back
/// (in an error title, say) must not leak it into our exceptions or logs.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string message, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
            {
                message = message.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return message;
    }
}
