using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>
/// Every routable page and every mapped endpoint refuses an anonymous request (a redirect to sign-in
/// or 401), except the sign-in pages and static files. Pages and endpoints are discovered, so ones
/// added later are covered without editing this test.
/// </summary>
public sealed partial class AnonymousAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The pages a signed-out person must reach to sign in, and the error page.</summary>
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Lockout",
        "/Account/AccessDenied", "/Account/InvalidUser", "/Error", "/health", "/health/live", "/health/ready", "/_framework/blazor.web.js",
    };

    private static readonly HashSet<string> SecondStepRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
    };

    public static TheoryData<string> RoutablePages()
    {
        var routes = new TheoryData<string>();
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            foreach (var route in type.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            {
                routes.Add(route.Template);
            }
        }
        return routes;
    }

    [Theory]
    [MemberData(nameof(RoutablePages))]
    public async Task EveryPageRefusesAnAnonymousVisitorExceptTheSignInPages(string template)
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync(Fill(template), TestContext.Current.CancellationToken);

        if (SecondStepRoutes.Contains(template))
        {
            // Reachable anonymously, but only after the password step: otherwise back to sign-in.
            AssertRefused(response, template);
        }
        else if (PublicRoutes.Contains(template))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            AssertRefused(response, template);
        }
    }

    [Fact]
    public async Task EveryMappedEndpointRefusesAnAnonymousRequestUnlessItIsASignInPageOrAStaticFile()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        using var client = app.CreateBrowserlikeClient();
        var checkedCount = 0;

        foreach (var endpoint in endpoints)
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (IsStaticFile(template))
            {
                continue;
            }
            if (anonymous)
            {
                Assert.True(PublicRoutes.Contains(template), $"{template} allows anonymous access but is not a sign-in page.");
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != HttpMethods.Options && m != HttpMethods.Head))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(endpoint.RoutePattern));
                if (method != HttpMethods.Get)
                {
                    request.Content = new FormUrlEncodedContent([]);
                }
                var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                AssertRefused(response, $"{method} {template}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 5, $"Only {checkedCount} endpoints were checked.");
    }

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what} answered {(int)response.StatusCode} to an anonymous request.");
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsStaticFile(string template) =>
        template != "/_framework/blazor.web.js" && StaticFile().IsMatch(template);

    private static string Fill(string template) => "/" + RouteParameter().Replace(template.TrimStart('/'), match =>
        match.Value.Contains(":int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString());

    private static string Fill(RoutePattern pattern) => Fill(pattern.RawText ?? "");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\.[A-Za-z0-9]{1,8}$|^/_content/|^/_framework/")]
    private static partial Regex StaticFile();
}
