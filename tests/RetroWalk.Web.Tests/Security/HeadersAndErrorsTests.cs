using System.Net;
using Microsoft.AspNetCore.Hosting;
using RetroWalk.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>The app on a real Kestrel listener, so the response headers are exactly what a browser receives.</summary>
public sealed class KestrelAppFixture : RetroWalkApp
{
    public KestrelAppFixture() => WithKestrel();

    /// <summary>As in docker-compose.yml: behind a TLS-terminating proxy whose X-Forwarded-* headers count.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
    }
}

/// <summary>
/// The attacks: a page or PDF kept in a shared cache or sniffed as another type, framed by another site,
/// leaked through the Referer header, a downgrade to plain HTTP, a server banner, a crafted return address
/// or a token-less sign-out turning into a 500, and the Development migrations endpoint.
/// </summary>
public sealed class HeadersAndErrorsTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APatientPageCarriesEverySecurityHeaderAndNoServerBanner()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        using var response = await client.GetAsync("/patients", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task APdfReportCarriesEverySecurityHeaderAndNoStore()
    {
        var clinic = await app.CreateClinicAsync();
        Guid reportId;
        await using (var therapist = app.ScopeFor(clinic))
        {
            var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(therapist.ServiceProvider, "HDR-1", "Siobhán", "Ó Briain");
            var today = new DateOnly(2026, 11, 30);
            reportId = (await therapist.ServiceProvider.GetRequiredService<ReportService>()
                .CreateAsync(patientId, new ReportInput { From = today.AddDays(-30), To = today }, Token)).Id;
        }
        using var client = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        using var response = await client.GetAsync($"/reports/{reportId}/pdf", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task TheAppsOwnFingerprintedStaticFilesMayBeCachedButSayNoSniff()
    {
        using var client = app.CreateKestrelClient();
        var page = await client.GetStringAsync("/Account/Login", Token);
        var css = System.Text.RegularExpressions.Regex.Match(page, "href=\"(app\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);

        using var response = await client.GetAsync("/" + css, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task HstsAsksForOneYearOverHttpsAndIsNotSentOverPlainHttp()
    {
        using var client = app.CreateKestrelClient();
        using var behindTls = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        behindTls.Headers.Host = "clinic.example";
        behindTls.Headers.Add("X-Forwarded-Proto", "https");
        using var secure = await client.SendAsync(behindTls, Token);
        Assert.Equal("max-age=31536000; includeSubDomains", Single(secure, "Strict-Transport-Security"));

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        plain.Headers.Host = "clinic.example";
        using var insecure = await client.SendAsync(plain, Token);
        Assert.False(insecure.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("http://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:evil.example")]
    [InlineData("%%%")]
    public async Task ACraftedReturnAddressAfterSignInLeadsHomeNotAwayAndNotToAnError(string returnUrl)
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateKestrelClient();

        using var response = await RetroWalkApp.PostFormAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = clinic.TherapistEmail, ["Input.Password"] = clinic.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host != app.ServerAddress.Host, $"Redirected to {location}");
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task SignOutWithACraftedReturnAddressLeadsHome(string returnUrl)
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        using var response = await RetroWalkApp.PostFormAsync(client, "/patients", new() { ["ReturnUrl"] = returnUrl }, action: "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ASignOutPostWithoutItsAntiforgeryTokenIsABadRequestNotAServerError()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        using var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("ReturnUrl", "")]), Token);
        using var noForm = await client.PostAsync("/Account/Logout", null, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", Token)).StatusCode);
    }

    [Fact]
    public async Task TheDevelopmentMigrationsEndpointIsNotThere()
    {
        var clinic = await app.CreateClinicAsync();
        using var client = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(client, clinic.AdminEmail, clinic.Password);

        // The Development-only middleware answered 204 to this post and applied pending migrations.
        using var response = await client.PostAsync("/ApplyDatabaseMigrations",
            new FormUrlEncodedContent([new("context", typeof(RetroWalkDbContext).AssemblyQualifiedName!)]), Token);
        using var get = await client.GetAsync("/ApplyDatabaseMigrations", Token);

        Assert.False(response.IsSuccessStatusCode, $"The migrations endpoint answered {(int)response.StatusCode}.");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store is missing.");
        Assert.False(response.Headers.Contains("Server"), "The response names its server.");
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"The response has no {header} header.");
}
