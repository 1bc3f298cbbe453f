using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

/// <summary>
/// First set-up of a production installation: <c>create-clinic "Name" admin@example.org "Admin Name"</c>
/// always creates a NEW clinic (a clinic is identified by its id; two clinics may share a name) and its
/// first administrator with a one-time password, printed once. An e-mail address that already has an
/// account anywhere is refused and nothing is created: the command never joins an existing clinic.
/// </summary>
public static class ClinicSetup
{
    public static async Task<int> CreateClinicAsync(IServiceProvider services, string clinicName, string adminEmail, string adminName, TextWriter output)
    {
        clinicName = clinicName.Trim();
        adminEmail = adminEmail.Trim();
        adminName = adminName.Trim();
        if (Problem(clinicName, adminEmail, adminName) is { } problem)
        {
            await output.WriteLineAsync($"{problem} Nothing was changed.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await DemoData.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(adminEmail) is not null || await users.FindByNameAsync(adminEmail) is not null)
        {
            await output.WriteLineAsync($"An account with the e-mail address {adminEmail} already exists (in this or another clinic). Nothing was changed; use another address for the new clinic's administrator.");
            return 1;
        }

        // The user store shares this scope's context, so the clinic and its administrator commit together.
        var db = sp.GetRequiredService<RetroWalkDbContext>();
        var password = StaffService.OneTimePassword();
        var strategy = db.Database.CreateExecutionStrategy();
        var (clinicId, errors) = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var clinic = db.Clinics.Add(new Clinic { Name = clinicName }).Entity;
            await db.SaveChangesAsync();
            var admin = new ApplicationUser
            {
                UserName = adminEmail,
                Email = adminEmail,
                EmailConfirmed = true,
                DisplayName = adminName,
                ClinicId = clinic.Id,
                MustChangePassword = true,
            };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                return (Guid.Empty, created.Errors.Select(e => e.Description).ToList());
            }
            await users.AddToRoleAsync(admin, Roles.ClinicAdmin);
            await transaction.CommitAsync();
            return (clinic.Id, new List<string>());
        });

        if (errors.Count > 0)
        {
            await output.WriteLineAsync($"The administrator could not be created: {string.Join(" ", errors)} Nothing was changed.");
            return 1;
        }
        await output.WriteLineAsync($"Clinic \"{clinicName}\" is ready (id {clinicId}). Administrator {adminEmail}, one-time password: {password}");
        await output.WriteLineAsync("They choose their own password at first sign-in.");
        return 0;
    }

    private static string? Problem(string clinicName, string adminEmail, string adminName)
    {
        if (clinicName.Length is 0 or > 200)
        {
            return "Give the clinic a name of 1 to 200 characters.";
        }
        if (!new EmailAddressAttribute().IsValid(adminEmail) || adminEmail.Length > 256)
        {
            return $"\"{adminEmail}\" is not a valid e-mail address.";
        }
        return adminName.Length is 0 or > 200 ? "Give the administrator a name of 1 to 200 characters." : null;
    }
}
