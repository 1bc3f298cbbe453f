using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Infrastructure.Security;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The attacks: account enumeration through different answers, a lockout used to test passwords or to keep the
/// administrator out for good, a deactivated account revealed without its password, weak and leaked passwords,
/// an administrator without a second factor.
/// </summary>
public sealed class SignInTests(SecurityClockFixture app) : IClassFixture<SecurityClockFixture>
{
    private const string Generic = "The e-mail or password is not correct.";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownWrongLockedAndDeactivatedWithAWrongPasswordAllGetTheSameAnswer()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var therapist = (await users.FindByEmailAsync(clinic.TherapistEmail))!;
            therapist.IsActive = false;
            await users.UpdateAsync(therapist);
        }
        using var client = app.CreateBrowserlikeClient();

        var unknown = await AnswerAsync(client, $"nobody-{Guid.NewGuid():N}@test.example", "Wrong-Password-1");
        var wrong = await AnswerAsync(client, clinic.AdminEmail, "Wrong-Password-1");
        var deactivatedWrong = await AnswerAsync(client, clinic.TherapistEmail, "Wrong-Password-1");
        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(client, clinic.AdminEmail, "Wrong-Password-1");
        }
        var lockedRight = await AnswerAsync(client, clinic.AdminEmail, clinic.Password);

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, deactivatedWrong);
        Assert.Equal(unknown, lockedRight);
        Assert.Contains(Generic, unknown, StringComparison.Ordinal);

        // Only the right password learns that the account is deactivated.
        var deactivatedRight = await AnswerAsync(client, clinic.TherapistEmail, clinic.Password);
        Assert.Contains("This account has been deactivated", deactivatedRight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsMakeTheAccountWaitLongerEachTimeButNeverMoreThanFifteenMinutes()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateBrowserlikeClient();
        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(client, clinic.AdminEmail, "Wrong-Password-1");
            Assert.Null(await LockoutLeftAsync(clinic.AdminEmail));
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(client, clinic.AdminEmail, "Wrong-Password-1");
            var wait = (await LockoutLeftAsync(clinic.AdminEmail))!.Value;
            waits.Add(wait);
            app.Clock.Advance(wait + TimeSpan.FromSeconds(1));
        }
        // The test clock moves a millisecond on each reading, so a wait reads a few milliseconds short of its minute.
        Assert.Equal([1, 2, 4, 8, 15], waits.Select(w => Math.Round(w.TotalMinutes, 2)));
        Assert.Equal(LockoutPolicy.Longest, LockoutPolicy.DelayAfter(1000));

        // After the wait, the right password works and the count starts again.
        var signIn = await RetroWalkApp.SignInAsync(client, clinic.AdminEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.AdminEmail))!.AccessFailedCount);
    }

    [Fact]
    public async Task AnAdministratorUnlocksAWaitingAccountAndResetsAPasswordToAOneTimeOne()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(client, clinic.TherapistEmail, "Wrong-Password-1");
        }
        Assert.NotNull(await LockoutLeftAsync(clinic.TherapistEmail));

        await using var admin = app.ScopeFor(clinic, admin: true);
        var staff = admin.ServiceProvider.GetRequiredService<StaffService>();
        var therapistId = (await staff.ListAsync(Token)).Single(m => m.Email == clinic.TherapistEmail).Id;
        Assert.True((await staff.ListAsync(Token)).Single(m => m.Id == therapistId).IsLockedOut);
        Assert.Null(await staff.UnlockAsync(therapistId));
        Assert.Null(await LockoutLeftAsync(clinic.TherapistEmail));

        var (oneTime, error) = await staff.ResetPasswordAsync(therapistId);
        Assert.Null(error);
        Assert.Equal(HttpStatusCode.OK, (await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password)).StatusCode);
        var signIn = await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, oneTime!);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var next = await client.GetAsync("/patients", Token);
        Assert.Equal("/Account/Manage/ChangePassword", next.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Password12")]
    [InlineData("Qwerty1234")]
    [InlineData("Summer2026!")]
    [InlineData("Iloveyou123")]
    public async Task APasswordFromTheLeakedListIsRefused(string password)
    {
        var errors = await ChangePasswordErrorsAsync(password);
        Assert.Contains(errors, e => e.Code == "PasswordTooCommon");
    }

    [Fact]
    public async Task APasswordThatContainsTheEmailAddressIsRefused()
    {
        var clinic = await app.CreateClinicAsync();
        var errors = await ChangePasswordErrorsAsync(clinic.TherapistEmail + "1A", clinic);
        Assert.Contains(errors, e => e.Code == "PasswordContainsEmail");
    }

    [Fact]
    public async Task AStrongPasswordIsAccepted() =>
        Assert.Empty(await ChangePasswordErrorsAsync("Lantern-Orbit-Meadow-42"));

    [Fact]
    public void TheShippedLeakedPasswordListIsTheFullList() =>
        Assert.True(CommonPasswordValidator.Count > 45_000, $"Only {CommonPasswordValidator.Count} passwords loaded.");

    [Fact]
    public async Task AnAdministratorWithoutASecondFactorIsLedToSetOneUpAndCannotTurnItOff()
    {
        var clinic = await app.CreateClinicAsync();
        using var admin = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(admin, clinic.AdminEmail, clinic.Password);
        var page = await admin.GetAsync("/admin/staff", Token);
        Assert.Equal("/Account/Manage/EnableAuthenticator", page.Headers.Location!.OriginalString);

        using var therapist = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(therapist, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync("/patients", Token)).StatusCode);

        // Once set up, the password alone no longer signs the administrator in, and it cannot be switched off.
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(clinic.AdminEmail))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        using var again = app.CreateBrowserlikeClient();
        var signIn = await RetroWalkApp.SignInAsync(again, clinic.AdminEmail, clinic.Password);
        Assert.Equal("/Account/LoginWith2fa", signIn.Headers.Location!.AbsolutePath);
        var code = await TwoFactorTests.PostCodeAsync(again, signIn.Headers.Location.PathAndQuery, TwoFactorTests.Totp(key, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/staff", Token)).StatusCode);

        var disable = await again.GetAsync("/Account/Manage/Disable2fa", Token);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        // A forged post of the "disable" form, with a valid antiforgery token taken from another page.
        var manage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await again.GetStringAsync("/Account/Manage/TwoFactorAuthentication", Token));
        var token = manage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await again.PostAsync("/Account/Manage/Disable2fa",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", "disable-2fa")]), Token);
        Assert.NotEqual(HttpStatusCode.InternalServerError, posted.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        Assert.True((await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.AdminEmail))!.TwoFactorEnabled);
    }

    private async Task<IReadOnlyList<IdentityError>> ChangePasswordErrorsAsync(string password, TestClinic? clinic = null)
    {
        clinic ??= await app.CreateClinicAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(clinic.TherapistEmail))!;
        var result = await users.ChangePasswordAsync(user, clinic.Password, password);
        return result.Errors.ToList();
    }

    private static async Task<string> AnswerAsync(HttpClient client, string email, string password)
    {
        using var response = await RetroWalkApp.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Token);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        // The page's own message; the layout's hidden "unexpected error" bar is also an alert.
        return document.QuerySelector("main [role=alert]")?.TextContent.Trim() ?? "";
    }

    private async Task<TimeSpan?> LockoutLeftAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user!.LockoutEnd is { } end && end > app.Clock.GetUtcNow() ? end - app.Clock.GetUtcNow() : null;
    }
}
