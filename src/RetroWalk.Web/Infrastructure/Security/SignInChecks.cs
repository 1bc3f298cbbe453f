using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// The open pages' periodic sign-in checks (<see cref="Components.Account.IdentityRevalidatingAuthenticationStateProvider"/>),
/// answered together: the checks that arrive within <see cref="Window"/> share one query for their accounts' stamps.
/// Every open page checks every 30 seconds, so 10,000 open pages make about 330 checks a second; one query per
/// window makes that about 5 queries a second, and a check waits at most a window longer for its answer.
/// A check whose page closes stops waiting; when the app stops, checks still waiting end with their pages, without
/// touching a disposed scope.
/// </summary>
public sealed class SignInChecks(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, ILogger<SignInChecks> logger) : BackgroundService
{
    internal static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    /// <summary>The most accounts one query asks for.</summary>
    internal const int MostPerQuery = 1000;

    private sealed record Check(string UserId, string Stamp, TaskCompletionSource<bool> Answer);

    private readonly Channel<Check> waiting = Channel.CreateUnbounded<Check>(new UnboundedChannelOptions { SingleReader = true });

    private long queries;

    /// <summary>How many queries have answered checks so far.</summary>
    internal long Queries => Interlocked.Read(ref queries);

    /// <summary>Whether the sign-in still stands: its account is active and has the stamp the sign-in was made with.</summary>
    public Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SignInSessions.SignInOf(principal, identity.Value) is not { } signIn)
        {
            return Task.FromResult(false);
        }
        var check = new Check(signIn.UserId, signIn.Stamp, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        waiting.Writer.TryWrite(check);
        return check.Answer.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Check>(MostPerQuery);
        while (await waiting.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Window, stoppingToken);
            while (waiting.Reader.TryRead(out var check))
            {
                batch.Add(check);
                if (batch.Count == MostPerQuery)
                {
                    await AnswerAsync(batch, stoppingToken);
                }
            }
            await AnswerAsync(batch, stoppingToken);
        }
    }

    private async Task AnswerAsync(List<Check> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var stamps = await scope.ServiceProvider.GetRequiredService<SignInSessions>()
                .ActiveStampsAsync([.. batch.Select(c => c.UserId).Distinct()], stoppingToken);
            Interlocked.Increment(ref queries);
            foreach (var check in batch)
            {
                check.Answer.TrySetResult(stamps.TryGetValue(check.UserId, out var stamp) && stamp == check.Stamp);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // As a single check would: the page's sign-in is not confirmed, and the page says so.
            logger.LogWarning(ex, "Could not check {Count} open pages' sign-ins.", batch.Count);
            foreach (var check in batch)
            {
                check.Answer.TrySetException(ex);
            }
        }
        finally
        {
            batch.Clear();
        }
    }
}
