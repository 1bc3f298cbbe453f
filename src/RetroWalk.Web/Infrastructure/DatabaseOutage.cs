using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// A database that cannot be reached (stopped, restarting, network gone) after EF Core's retrying execution
/// strategy has given up. Saves turn it into <see cref="SaveResult.Unavailable"/>, so the form keeps what was
/// typed and the user can save again once the database is back; everything else reaches the page's error
/// boundary (<c>Components/Shared/PageErrorBoundary.razor</c>), which offers to try again. Either way the
/// Blazor circuit lives on.
/// </summary>
public static class DatabaseOutage
{
    public const string SaveMessage = "The database is not reachable; nothing was saved. Try again.";

    /// <summary>True when <paramref name="exception"/> or one of its causes is a transient database failure.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // DbException.IsTransient is each provider's own verdict (Npgsql: connection refused or broken,
            // server shutting down or starting up, timeouts).
            if (e is RetryLimitExceededException or TimeoutException or DbException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs a save; a database outage becomes <see cref="SaveResult.Unavailable"/> instead of an exception.</summary>
    public static async Task<SaveResult> GuardAsync(Func<Task<SaveResult>> save)
    {
        try
        {
            return await save();
        }
        catch (Exception exception) when (Is(exception))
        {
            // EF Core has already logged the failed command or connection with its cause.
            return SaveResult.Unavailable();
        }
    }
}
