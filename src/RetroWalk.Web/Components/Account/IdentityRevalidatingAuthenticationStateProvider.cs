using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using RetroWalk.Web.Infrastructure.Security;

namespace RetroWalk.Web.Components.Account;

/// <summary>
/// An open page (a live circuit) re-checks its sign-in every 30 seconds: once the account is signed out
/// elsewhere, deactivated, given another role or a new password, the page loses its sign-in within a minute
/// and leads to the sign-in page; nothing it sends after that reads or writes as that user. The checks of all open
/// pages are answered together (<see cref="SignInChecks"/>).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, SignInChecks checks)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        checks.IsCurrentAsync(authenticationState.User, cancellationToken);
}
