using System.Net;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>An AYON call failed. The message carries AYON's detail and never the API key.</summary>
public sealed class AyonException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
