using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Security;

/// <summary>The attack: password guessing at full speed (the probe got 112 tries a second through).</summary>
public sealed class SignInThrottlingTests(ProductionSignInFixture app) : IClassFixture<ProductionSignInFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyWrongPasswordsInABurstAreThrottledPerAccountAndPerAddress()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateKestrelClient();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Login", Token));
        var hidden = page.QuerySelectorAll("form[method=post] input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();

        // Fifty posts at once, as a guessing script sends them.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async attempt =>
        {
            using var form = new FormUrlEncodedContent([.. hidden, new("Input.Email", clinic.AdminEmail), new("Input.Password", $"Wrong-Guess-{attempt:D4}")]);
            using var response = await client.PostAsync("/Account/Login", form, Token);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.ToString(), Body: await response.Content.ReadAsStringAsync(Token));
        }));

        // Defaults: 30 posts per address per minute, then 10 attempts per account per 10 minutes.
        var refusedForTheAddress = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(20 == refusedForTheAddress.Count, "Answers: " + string.Join(", ", answers.GroupBy(a => a.StatusCode).Select(g => $"{g.Key} ×{g.Count()}")));
        Assert.All(refusedForTheAddress, a => Assert.Equal("60", a.RetryAfter));
        var passed = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(20, passed.Count(a => a.Body.Contains("Too many sign-in attempts for this e-mail address", StringComparison.Ordinal)));
        Assert.Equal(10, passed.Count(a => a.Body.Contains("The e-mail or password is not correct.", StringComparison.Ordinal)));

        await using var scope = app.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.AdminEmail);
        Assert.InRange(admin!.AccessFailedCount, 1, 10);
    }
}
