using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Infrastructure.Security;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the account pages post to (they are forms, not circuit events).</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // The antiforgery token is checked here rather than by form binding, so that a post without one
        // (a stale page, a forged form) gets a plain 400 instead of an error page.
        // Signing out gives the account a new security stamp: every sign-in of this person ends, on every
        // device and open page, and a copy of the cookie is refused from now on.
        accountGroup.MapPost("/Logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signInManager, AccessLog accessLog) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Text("The sign-out form had expired. Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            }
            var returnUrl = context.Request.HasFormContentType ? context.Request.Form["ReturnUrl"].ToString() : null;
            if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
                await accessLog.RecordAsync(AccessKind.SignedOut, user.Email, user.Id, new AccessActor(user.Id, user.Email ?? "", user.ClinicId));
            }
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/" + LocalUrl.RelativeOrHome(returnUrl));
        }).DisableAntiforgery();

        return accountGroup;
    }
}
