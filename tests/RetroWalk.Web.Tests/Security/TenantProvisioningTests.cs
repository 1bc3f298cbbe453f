using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>The attack: <c>create-clinic "an existing clinic's exact name"</c> must not hand over that clinic.</summary>
public sealed partial class TenantProvisioningTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateClinicWithAnExistingClinicsExactNameMakesANewClinicThatSeesNothingOfTheOld()
    {
        var victim = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(victim))
        {
            Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("VIC-1"), Token)).Succeeded);
        }

        var email = $"intruder-{Guid.NewGuid():N}"[..20] + "@elsewhere.example";
        var output = new StringWriter();
        Assert.Equal(0, await ClinicSetup.CreateClinicAsync(app.Services, victim.Name, email, "Intruder", output));

        await using var scope = app.Services.CreateAsyncScope();
        var intruder = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        Assert.NotNull(intruder);
        Assert.NotEqual(victim.Id, intruder.ClinicId);
        var sameName = await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Clinics.CountAsync(c => c.Name == victim.Name, Token);
        Assert.Equal(2, sameName);

        // Signed in as the new administrator: the other clinic's patients, staff and records stay out of sight.
        using var client = app.CreateBrowserlikeClient();
        var password = OneTimePassword().Match(output.ToString()).Groups[1].Value;
        await RetroWalkApp.SignInAsync(client, email, password);
        await ChangePasswordAsync(client, password, "Brand-New-Secret-2026");
        var patients = await client.GetStringAsync("/patients", Token);
        Assert.DoesNotContain("VIC-1", patients, StringComparison.Ordinal);
        var staff = await client.GetStringAsync("/admin/staff", Token);
        Assert.DoesNotContain(victim.TherapistEmail, staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorEmailThatExistsAnywhereIsRefusedAndNothingIsCreated()
    {
        var existing = await app.CreateClinicAsync();
        var clinicsBefore = await CountClinicsAsync();

        var output = new StringWriter();
        var exit = await ClinicSetup.CreateClinicAsync(app.Services, "Brand New Clinic", existing.TherapistEmail.ToUpperInvariant(), "Someone", output);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(clinicsBefore, await CountClinicsAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(existing.TherapistEmail);
        Assert.Equal(existing.Id, user!.ClinicId);
    }

    [Theory]
    [InlineData("", "admin@new.example", "Name")]
    [InlineData("Clinic", "not-an-address", "Name")]
    [InlineData("Clinic", "admin@new.example", " ")]
    public async Task BadArgumentsAreRefusedWithoutCreatingAnything(string clinic, string email, string name)
    {
        var clinicsBefore = await CountClinicsAsync();
        var output = new StringWriter();
        Assert.Equal(2, await ClinicSetup.CreateClinicAsync(app.Services, clinic, email, name, output));
        Assert.Contains("Nothing was changed", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(clinicsBefore, await CountClinicsAsync());
    }

    private async Task<int> CountClinicsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Clinics.CountAsync(Token);
    }

    internal static async Task ChangePasswordAsync(HttpClient client, string oldPassword, string newPassword)
    {
        var response = await RetroWalkApp.PostFormAsync(client, "/Account/Manage/ChangePassword", new()
        {
            ["Input.OldPassword"] = oldPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("one-time password: (\\S+)")]
    private static partial Regex OneTimePassword();
}
