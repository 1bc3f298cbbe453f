using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

/// <summary>
/// First set-up of a production installation: <c>create-clinic "Name" admin@example.org "Admin Name"</c>
/// creates the clinic and its first administrator with a one-time password, printed once.
/// </summary>
public static class ClinicSetup
{
    public static async Task<int> CreateClinicAsync(IServiceProvider services, string clinicName, string adminEmail, string adminName, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await DemoData.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(adminEmail) is not null)
        {
            await output.WriteLineAsync($"An account {adminEmail} already exists; nothing was changed.");
            return 1;
        }

        var db = sp.GetRequiredService<RetroWalkDbContext>();
        var clinic = await db.Clinics.SingleOrDefaultAsync(c => c.Name == clinicName) ?? db.Clinics.Add(new Clinic { Name = clinicName }).Entity;
        await db.SaveChangesAsync();

        var password = StaffService.OneTimePassword();
        var admin = await DemoData.EnsureUserAsync(users, clinic.Id, adminEmail, adminName, password, Roles.ClinicAdmin);
        admin.MustChangePassword = true;
        await users.UpdateAsync(admin);
        await output.WriteLineAsync($"Clinic \"{clinicName}\" is ready. Administrator {adminEmail}, one-time password: {password}");
        await output.WriteLineAsync("They choose their own password at first sign-in.");
        return 0;
    }
}
