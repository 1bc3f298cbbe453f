using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RetroWalk.Web.Infrastructure;

/// <summary>The signed-in user of this request or circuit: who they are and which clinic they act for.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    Guid ClinicId { get; }
    bool IsClinicAdmin { get; }
}

public static class RetroWalkClaims
{
    public const string ClinicId = "retrowalk:clinic";
    public const string ClinicName = "retrowalk:clinic-name";
    public const string DisplayName = "retrowalk:display-name";
}

public static class Roles
{
    public const string ClinicAdmin = "ClinicAdmin";
    public const string Therapist = "Therapist";
}

/// <summary>
/// Set from <c>HttpContext.User</c> for plain requests (<see cref="CurrentUserMiddleware"/>) and from the
/// authentication state for every inbound circuit activity (<see cref="CurrentUserCircuitHandler"/>).
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    private ClaimsPrincipal principal = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal
    {
        get => principal;
        set => principal = value ?? new ClaimsPrincipal(new ClaimsIdentity());
    }

    public string? UserId => principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => principal.FindFirstValue(RetroWalkClaims.DisplayName) ?? principal.Identity?.Name ?? "system";
    public Guid ClinicId => Guid.TryParse(principal.FindFirstValue(RetroWalkClaims.ClinicId), out var id) ? id : Guid.Empty;
    public bool IsClinicAdmin => principal.IsInRole(Roles.ClinicAdmin);

    /// <summary>A user acting for one clinic outside any request: demo seeding and tests.</summary>
    public static CurrentUser ForClinic(Guid clinicId, string userName = "system", bool admin = false, string? userId = null)
    {
        var claims = new List<Claim>
        {
            new(RetroWalkClaims.ClinicId, clinicId.ToString()),
            new(RetroWalkClaims.DisplayName, userName),
        };
        if (userId is not null)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, userId));
        }
        if (admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, Roles.ClinicAdmin));
        }
        return new CurrentUser { Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "system")) };
    }
}

internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Principal = context.User;
        return next(context);
    }
}

internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication, CurrentUser currentUser) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            currentUser.Principal = (await authentication.GetAuthenticationStateAsync()).User;
            await next(context);
        };
}
