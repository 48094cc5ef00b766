namespace AyonShotgrid.Tests;

public sealed class Placeholder
{
}
