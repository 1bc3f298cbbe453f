using System.Net;
using System.Text.RegularExpressions;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed partial class AccountTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CreateClinicMakesAnAdministratorWhoMustChooseAPasswordAtFirstSignIn()
    {
        var output = new StringWriter();
        var email = $"first-admin-{Guid.NewGuid():N}"[..20] + "@clinic.example";
        var exit = await ClinicSetup.CreateClinicAsync(app.Services, "Klinika Świętego Łukasza", email, "Zofia Dąbrowska", output);

        Assert.Equal(0, exit);
        var password = OneTimePassword().Match(output.ToString()).Groups[1].Value;
        Assert.Equal(12, password.Length);

        using var client = app.CreateBrowserlikeClient();
        var signIn = await RetroWalkApp.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await client.GetAsync("/patients", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword", home.Headers.Location!.OriginalString);

        Assert.Equal(1, await ClinicSetup.CreateClinicAsync(app.Services, "Another", email, "Someone", new StringWriter()));
    }

    [Fact]
    public async Task FiveWrongPasswordsMakeTheAccountWaitEvenAgainstTheRightOneWithoutSayingSo()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateBrowserlikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, "Wrong-Password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The e-mail or password is not correct.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // While the account waits, the right password gets the same answer as a wrong one.
        var right = await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("The e-mail or password is not correct.", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInTherapistCanOpenThePatientListButNotTheAdministrationPages()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", TestContext.Current.CancellationToken)).StatusCode);
        var admin = await client.GetAsync("/admin/staff", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", admin.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [GeneratedRegex("one-time password: (\\S+)")]
    private static partial Regex OneTimePassword();
}
