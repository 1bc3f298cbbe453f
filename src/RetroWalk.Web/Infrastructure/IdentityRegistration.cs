using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Components.Account;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure.Security;

namespace RetroWalk.Web.Infrastructure;

public static class IdentityRegistration
{
    public static IHostApplicationBuilder AddRetroWalkIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "RetroWalk.Auth";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = SignInSessions.ValidateCookieAsync;
        });
        services.AddScoped<SignInSessions>();
        services.AddSingleton<SignInChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<SignInChecks>());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // Wrong passwords and codes make the account wait progressively longer: see LockoutPolicy.
                options.Lockout.MaxFailedAccessAttempts = LockoutPolicy.FreeFailures + 1;
                options.Lockout.DefaultLockoutTimeSpan = LockoutPolicy.Longest;
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = RetroWalkDbContext.IdentitySchema;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RetroWalkDbContext>()
            .AddUserManager<RetroWalkUserManager>()
            .AddSignInManager<RetroWalkSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<EmailInPasswordValidator>()
            .AddPasswordValidator<PasswordReuseValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<RetroWalkClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<ApplicationUser>, ActiveAccountConfirmation>();
        services.AddScoped<TwoFactorPolicy>();

        builder.AddSignInProtection();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}

/// <summary>Sign-in is "not allowed" for deactivated accounts (the login page says so).</summary>
internal sealed class ActiveAccountConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(user.IsActive);
}

/// <summary>Adds the user's clinic, its name and the display name to the sign-in cookie.</summary>
internal sealed class RetroWalkClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<RetroWalkDbContext> dbFactory,
    TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string MustChangePassword = "retrowalk:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var clinicName = await db.Clinics.Where(c => c.Id == user.ClinicId).Select(c => c.Name).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(RetroWalkClaims.ClinicId, user.ClinicId.ToString()));
        identity.AddClaim(new Claim(RetroWalkClaims.ClinicName, clinicName ?? ""));
        identity.AddClaim(new Claim(RetroWalkClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }
        if (!user.TwoFactorEnabled && await twoFactor.IsRequiredAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorPolicy.MustEnrolClaim, "true"));
        }
        return identity;
    }
}

/// <summary>
/// After signing in with a one-time password, every page leads to the change-password page; then, for someone
/// who must use two-factor sign-in and has not set it up, every page leads to the authenticator set-up.
/// </summary>
internal sealed class AccountRequirementsMiddleware(RequestDelegate next)
{
    private const string ChangePasswordPath = "/Account/Manage/ChangePassword";
    private const string EnableAuthenticatorPath = "/Account/Manage/EnableAuthenticator";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method)
            || path.StartsWithSegments("/Account/Logout")
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content")
            || path.StartsWithSegments("/_blazor")
            || Path.GetExtension(path.Value) is not (null or ""))
        {
            return next(context);
        }
        var user = context.User;
        var requirement = user.HasClaim(RetroWalkClaimsPrincipalFactory.MustChangePassword, "true") ? ChangePasswordPath
            : user.HasClaim(TwoFactorPolicy.MustEnrolClaim, "true") ? EnableAuthenticatorPath
            : null;
        if (requirement is not null && !path.StartsWithSegments(requirement) && !IsAuthenticatorSetUp(path))
        {
            context.Response.Redirect(requirement);
            return Task.CompletedTask;
        }
        return next(context);
    }

    /// <summary>Pages that are part of setting up the authenticator (recovery codes shown after it).</summary>
    private static bool IsAuthenticatorSetUp(PathString path) =>
        path.StartsWithSegments(EnableAuthenticatorPath) || path.StartsWithSegments("/Account/Manage/GenerateRecoveryCodes");
}
