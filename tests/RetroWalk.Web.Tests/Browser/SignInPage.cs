using Microsoft.Playwright;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>Page object: the sign-in page.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("Account/Login");
        }
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in and waits for the interactive circuit of the page it lands on.</summary>
    public async Task SignInAndWaitAsync(string email, string password)
    {
        await SignInAsync(email, password);
        try
        {
            // A run's first sign-in meets the app's cold start (JIT, the key ring's first read, the first queries)
            // while other test classes load the same two cores: it may take longer than the usual wait.
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 60_000 });
        }
        catch (TimeoutException ex)
        {
            // Say what the sign-in page showed instead of only that it stayed.
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Still on the sign-in page after signing in as {email}; it shows: {shown}", ex);
        }
        await page.GetByTestId("signed-in-user").WaitForAsync();
        await WaitForCircuitAsync(page);
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
