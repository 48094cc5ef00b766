namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Who caused a write: the x-sender / x-sender-type headers the server copies into every event.</summary>
internal sealed record RequestOrigin(string? Sender, string SenderType, string User);
