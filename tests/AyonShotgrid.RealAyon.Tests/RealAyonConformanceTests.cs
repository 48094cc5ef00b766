using AyonShotgrid.Conformance;
using AyonShotgrid.RealAyon.Tests.Infrastructure;

namespace AyonShotgrid.RealAyon.Tests;

/// <summary>The conformance cases against the real AYON server; the same class runs against our emulator in the normal suite.</summary>
[Collection(RealAyonCollection.Name)]
public sealed class RealAyonConformanceTests(RealAyonServer server) : AyonConformanceTests(server);
