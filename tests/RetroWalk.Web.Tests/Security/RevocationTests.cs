using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The attacks: a cookie copied from a shared computer and replayed after its owner signed out; a deactivated,
/// demoted or re-passworded account that keeps using the sign-ins it already had.
/// </summary>
public sealed class RevocationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACookieReplayedAfterSignOutIsRefused()
    {
        var clinic = await app.CreateClinicAsync();
        using var owner = app.CreateBrowserlikeClient();
        var signIn = await RetroWalkApp.SignInAsync(owner, clinic.TherapistEmail, clinic.Password);
        using var thief = ClientWithCookie(AuthCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/patients", Token)).StatusCode);

        var signOut = await RetroWalkApp.PostFormAsync(owner, "/patients", new() { ["ReturnUrl"] = "" }, action: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await thief.GetAsync("/patients", Token));
    }

    [Fact]
    public async Task SigningOutInOneBrowserEndsTheSameAccountsSignInInAnother()
    {
        var clinic = await app.CreateClinicAsync();
        using var desk = app.CreateBrowserlikeClient();
        using var tablet = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(desk, clinic.TherapistEmail, clinic.Password);
        await RetroWalkApp.SignInAsync(tablet, clinic.TherapistEmail, clinic.Password);

        await RetroWalkApp.PostFormAsync(desk, "/patients", new() { ["ReturnUrl"] = "" }, action: "/Account/Logout");

        AssertSentToSignIn(await tablet.GetAsync("/patients", Token));
    }

    [Fact]
    public async Task DeactivationEndsTheAccountsSignInAtItsNextRequest()
    {
        var clinic = await app.CreateClinicAsync();
        using var therapist = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(therapist, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync("/patients", Token)).StatusCode);

        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            Assert.Null(await admin.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(await UserIdAsync(clinic.TherapistEmail)));
        }

        AssertSentToSignIn(await therapist.GetAsync("/patients", Token));
    }

    [Fact]
    public async Task ARoleChangeEndsTheSignInMadeWithTheOldRole()
    {
        var clinic = await app.CreateClinicAsync();
        using var promoted = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(promoted, clinic.TherapistEmail, clinic.Password);

        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            Assert.Null(await admin.ServiceProvider.GetRequiredService<StaffService>().ChangeRoleAsync(await UserIdAsync(clinic.TherapistEmail), Roles.ClinicAdmin));
        }

        AssertSentToSignIn(await promoted.GetAsync("/patients", Token));
        await RetroWalkApp.SignInAsync(promoted, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/admin/staff", Token)).StatusCode);
    }

    [Fact]
    public async Task AChangedPasswordEndsTheAccountsOtherSignInsButKeepsThisOne()
    {
        var clinic = await app.CreateClinicAsync();
        using var here = app.CreateBrowserlikeClient();
        using var elsewhere = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(here, clinic.TherapistEmail, clinic.Password);
        await RetroWalkApp.SignInAsync(elsewhere, clinic.TherapistEmail, clinic.Password);

        await TenantProvisioningTests.ChangePasswordAsync(here, clinic.Password, "Lantern-Orbit-Meadow-42");

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/patients", Token)).StatusCode);
        AssertSentToSignIn(await elsewhere.GetAsync("/patients", Token));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("RetroWalk.Auth=", StringComparison.Ordinal));

    private HttpClient ClientWithCookie(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }
}
