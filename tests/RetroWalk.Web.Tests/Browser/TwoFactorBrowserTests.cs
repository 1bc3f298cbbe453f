using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Components.Account;
using RetroWalk.Web.Data;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheSetUpPageShowsAQrCodeThatReadsAsTheAccountsOwnKey()
    {
        var clinic = await browser.App.CreateClinicAsync();
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(clinic.TherapistEmail, clinic.Password);

        await page.GotoAsync("Account/Manage/EnableAuthenticator");
        var qr = page.GetByTestId("authenticator-qr");
        await Expect(qr.Locator("svg")).ToBeVisibleAsync();
        var shownKey = await page.GetByTestId("authenticator-key").InnerTextAsync();
        var decoded = QrDecoder.DecodePng(await qr.ScreenshotAsync());
        await Screenshots.SaveAsync(page, "two-factor-set-up");

        string key;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(clinic.TherapistEmail))!))!;
        }
        Assert.Equal(AuthenticatorQrCode.Uri(clinic.TherapistEmail, key), decoded);
        Assert.Equal(key.ToLowerInvariant(), shownKey.Replace(" ", "", StringComparison.Ordinal));
    }
}
