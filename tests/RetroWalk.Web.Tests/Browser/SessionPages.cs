using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>Page object: the session record form, its stop warning and the next-session suggestion.</summary>
public sealed partial class SessionFormPage(IPage page)
{
    public async Task OpenAsync(Guid programmeId, int sequence)
    {
        await page.GotoAsync($"programmes/{programmeId}/sessions/{sequence}");
        await SignInPage.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Session {sequence}:" }).WaitForAsync();
    }

    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });

    public ILocator SaveState => page.GetByTestId("save-state");

    public ILocator StopWarning => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Stop criterion reached" });

    public ILocator ScreeningFailed => page.GetByTestId("screening-failed");

    /// <summary>The session form's height on screen, in CSS pixels.</summary>
    public async Task<double> HeightAsync() => (await page.Locator("div.session-form").BoundingBoxAsync())!.Height;

    public ILocator Suggestion => page.GetByTestId("suggestion");

    public ILocator SuggestedSpeed => page.GetByTestId("suggested-speed");

    public ILocator SuggestionAction => page.GetByTestId("suggestion-action");

    public ILocator SuggestionReasons => page.GetByTestId("suggestion-reasons");

    /// <summary>Types the RPE and saves with Enter from that field (no mouse), then waits for the saved state.</summary>
    public async Task RecordWithRpeAsync(string rpe)
    {
        await Field("RPE").FillAsync(rpe);
        await Field("RPE").PressAsync("Enter");
        await Assertions.Expect(SaveState).ToHaveTextAsync(SavedAt());
    }

    public static Regex SavedAt() => SavedAtPattern();

    [GeneratedRegex(@"^Saved at \d\d:\d\d\.")]
    private static partial Regex SavedAtPattern();
}
