namespace AyonShotgrid.Emulators.ShotGrid.Tests.Conformance;

public sealed partial class ShotGridConformanceTests
{
}
