using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// Who must sign in with a second factor: clinic administrators (they reach every patient and every account), and
/// everyone in a clinic whose administrators turned on "two-factor sign-in for everyone".
/// Until such a person has set up an authenticator app, every page leads to that set-up, and they cannot turn it off.
/// </summary>
public sealed class TwoFactorPolicy(UserManager<ApplicationUser> users, IOptions<SignInProtectionOptions> options,
    IDbContextFactory<RetroWalkDbContext> dbFactory)
{
    public const string MustEnrolClaim = "retrowalk:must-enrol-2fa";

    public async Task<bool> IsRequiredAsync(ApplicationUser user)
    {
        if (options.Value.RequireTwoFactorForAdministrators && await users.IsInRoleAsync(user, Roles.ClinicAdmin))
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Clinics.AnyAsync(c => c.Id == user.ClinicId && c.RequireTwoFactorForEveryone);
    }
}
