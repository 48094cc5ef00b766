using System.Net;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>A ShotGrid call failed. The message carries ShotGrid's title/detail and never a credential.</summary>
public sealed class ShotGridException(string message, HttpStatusCode? status = null, int? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>ShotGrid's error code (102 auth, 103 request, 104 not found/validation).</summary>
    public int? Code { get; } = code;
}
