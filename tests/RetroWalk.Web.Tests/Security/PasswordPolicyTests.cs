using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Infrastructure.Security;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The gaps: a reused old password was accepted, and only administrators could be made to use a second factor.
/// </summary>
public sealed class PasswordPolicyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoneOfTheLastFivePasswordsCanBeChosenAgainButTheSixthBackCan()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(clinic.TherapistEmail))!;
        string[] passwords = [clinic.Password, "Kestrel-Harbour-71", "Lantern-Meadow-82", "Pebble-Orchard-93", "Thistle-Canyon-14"];
        for (var i = 1; i < passwords.Length; i++)
        {
            Assert.True((await users.ChangePasswordAsync(user, passwords[i - 1], passwords[i])).Succeeded);
        }

        // The current one and the four before it are the last five.
        foreach (var old in passwords)
        {
            var refused = await users.ChangePasswordAsync(user, passwords[^1], old);
            Assert.False(refused.Succeeded, old);
            Assert.Contains(refused.Errors, e => e.Code == "PasswordReused");
        }
        // An administrator's reset is held to the same rule.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Assert.Contains((await users.ResetPasswordAsync(user, token, passwords[2])).Errors, e => e.Code == "PasswordReused");

        // One more change pushes the first out of the five.
        Assert.True((await users.ChangePasswordAsync(user, passwords[^1], "Walnut-Glacier-25")).Succeeded);
        Assert.True((await users.ChangePasswordAsync(user, "Walnut-Glacier-25", passwords[0])).Succeeded);
        var stored = await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == user.Id).Select(u => u.PreviousPasswordHashes).SingleAsync(Token);
        Assert.Equal(PasswordReuseValidator.Remembered, stored.Count);
        string[] expected = ["Walnut-Glacier-25", passwords[4], passwords[3], passwords[2]];
        Assert.All(expected.Zip(stored), pair =>
            Assert.NotEqual(PasswordVerificationResult.Failed, users.PasswordHasher.VerifyHashedPassword(user, pair.Second, pair.First)));
    }

    [Fact]
    public async Task AClinicThatRequiresTwoFactorForEveryoneSendsATherapistToTheSetUpFirst()
    {
        var clinic = await app.CreateClinicAsync();
        using (var before = app.CreateBrowserlikeClient())
        {
            await RetroWalkApp.SignInAsync(before, clinic.TherapistEmail, clinic.Password);
            var home = await before.GetAsync("/patients", Token);
            Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        }

        await using (var admin = app.ScopeFor(clinic, admin: true, userName: "Test Admin"))
        {
            var settings = admin.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var input = (await settings.GetAsync(Token))!;
            Assert.False(input.RequireTwoFactorForEveryone);
            input.RequireTwoFactorForEveryone = true;
            var saved = await settings.SaveAsync(input, Token);
            Assert.Contains("everyone signs in with an authenticator app", saved.Message, StringComparison.Ordinal);
        }

        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        var page = await client.GetAsync("/patients", Token);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Manage/EnableAuthenticator", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.TherapistEmail))!;
        Assert.True(await scope.ServiceProvider.GetRequiredService<TwoFactorPolicy>().IsRequiredAsync(user));
    }
}
