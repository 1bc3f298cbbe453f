using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// Whether a sign-in (a cookie, or an open page's circuit) still stands: the account exists, is active, and
/// its security stamp is the one the sign-in was made with. Signing out, deactivation, a role change and a
/// password change or reset all give the account a new stamp, which ends every sign-in made before, on every
/// device: a copied cookie is useless from that moment.
/// </summary>
public sealed class SignInSessions(IDbContextFactory<RetroWalkDbContext> dbFactory, IOptions<IdentityOptions> identity)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (SignInOf(principal, identity.Value) is not { } signIn)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == signIn.UserId && u.IsActive && u.SecurityStamp == signIn.Stamp, cancellationToken);
    }

    /// <summary>The account and security stamp a sign-in was made with; null when it carries neither.</summary>
    public static (string UserId, string Stamp)? SignInOf(ClaimsPrincipal principal, IdentityOptions identity)
    {
        var claims = identity.ClaimsIdentity;
        return (principal.FindFirstValue(claims.UserIdClaimType), principal.FindFirstValue(claims.SecurityStampClaimType)) is (string userId, string stamp)
            ? (userId, stamp)
            : null;
    }

    /// <summary>The current security stamp of each of the accounts that is active; the others are left out.</summary>
    public async Task<Dictionary<string, string?>> ActiveStampsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => userIds.Contains(u.Id) && u.IsActive).ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, cancellationToken);
    }

    /// <summary>The sign-in cookie is checked on every request (one indexed look-up), not once in a while.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
