using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AyonShotgrid.Browser.Tests;

/// <summary>Saves full-page screenshots under TestResults/screenshots in the test output folder, and says where.</summary>
public sealed class Screenshots(ITestOutputHelper output)
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task<string> TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
        return path;
    }
}
