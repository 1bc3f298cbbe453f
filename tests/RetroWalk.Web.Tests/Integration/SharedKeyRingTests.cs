using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>Two instances on one database share one data-protection key ring, kept in that database.</summary>
public sealed class SharedKeyRingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInCookieAndAProtectedPayloadMadeByOneInstanceAreReadByAnother()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new RetroWalkApp().OnDatabase(database);
        await first.InitializeAsync();
        var clinic = await first.CreateClinicAsync();
        var cookies = new System.Net.CookieContainer();
        using var firstClient = ClientOf(first, cookies);
        var signIn = await RetroWalkApp.SignInAsync(firstClient, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Protect("made by the first instance");

        await using var second = new RetroWalkApp().OnDatabase(database);
        await second.InitializeAsync();
        using var secondClient = ClientOf(second, cookies);
        using var stranger = ClientOf(second, new System.Net.CookieContainer());

        Assert.Equal("made by the first instance", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(secret));
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/reports/batch", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/reports/batch", Token)).StatusCode);
        await using var scope = second.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Token));
    }

    /// <summary>A client of one instance whose cookies live in <paramref name="cookies"/>, so another instance's client can send them.</summary>
    private static HttpClient ClientOf(RetroWalkApp app, System.Net.CookieContainer cookies) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
}
