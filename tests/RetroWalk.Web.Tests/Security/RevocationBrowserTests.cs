using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Browser;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The attack: an open tab that keeps reading and writing patient records after its account was deactivated
/// or signed out elsewhere (the probe saw a write 141 seconds after deactivation). Within a minute, the tab
/// must be back at the sign-in page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RevocationBrowserTests(BrowserFixture browser)
{
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ADeactivatedTherapistsOpenTabIsSentToSignInWithinAMinute()
    {
        var (email, userId, clinicId) = await NewTherapistAsync();
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(email, RetroWalkApp.Password);
        await page.GotoAsync("patients");
        await SignInPage.WaitForCircuitAsync(page);

        await using (var admin = browser.App.Services.CreateAsyncScope())
        {
            admin.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId, "Alex Morgan", admin: true).Principal;
            Assert.Null(await admin.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(userId));
        }

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { Timeout = (float)WithinAMinute.TotalMilliseconds });
        await Screenshots.SaveAsync(page, "revoked-tab-at-sign-in");
    }

    [Fact]
    public async Task SigningOutInOneTabEndsTheOtherOpenTabWithinAMinute()
    {
        var (email, _, _) = await NewTherapistAsync();
        var first = await browser.NewPageAsync();
        await new SignInPage(first).SignInAndWaitAsync(email, RetroWalkApp.Password);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("patients");
        await SignInPage.WaitForCircuitAsync(second);

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await first.WaitForURLAsync(url => !url.EndsWith("/patients", StringComparison.Ordinal));

        await second.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { Timeout = (float)WithinAMinute.TotalMilliseconds });
    }

    private async Task<(string Email, string UserId, Guid ClinicId)> NewTherapistAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var clinicId = (await users.FindByEmailAsync(DemoData.AdminEmail))!.ClinicId;
        var email = $"revoked-{Guid.NewGuid():N}"[..16] + "@riverside.example";
        var user = await DemoData.EnsureUserAsync(users, clinicId, email, "Short-Lived Therapist", RetroWalkApp.Password, Roles.Therapist);
        return (email, user.Id, clinicId);
    }
}
