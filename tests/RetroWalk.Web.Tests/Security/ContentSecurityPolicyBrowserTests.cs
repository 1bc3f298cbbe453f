using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Browser;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The pages keep working in Chromium under the strict Content-Security-Policy: the circuit connects over the
/// WebSocket, dialogs and grids render, and the browser reports no blocked script, style, image or font.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    private const string CollectViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + location.pathname));
        """;

    [Fact]
    public async Task EveryMainPageWorksUnderTheContentSecurityPolicyWithoutAViolation()
    {
        var patientId = await DemoPatientAsync("RW-1001");
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add(message.Text);
            }
        };
        await page.Context.AddInitScriptAsync(CollectViolations);
        await new SignInPage(page).SignInAndWaitAsync(DemoData.AdminEmail, DemoData.AdminPassword);
        var violations = new List<string>();

        foreach (var path in new[] { "", "patients", $"patients/{patientId}", $"patients/{patientId}/progress", "protocols/templates", "reports/batch", "admin/staff", "admin/audit", "admin/clinic" })
        {
            await page.GotoAsync(path);
            if (!path.EndsWith("/progress", StringComparison.Ordinal))
            {
                // The progress review is served rendered, without a circuit; every other page starts one.
                await SignInPage.WaitForCircuitAsync(page);
            }
            await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            if (path == $"patients/{patientId}")
            {
                // An interactive dialog rendered over the circuit: component styles and positioning apply.
                await page.GetByRole(AriaRole.Button, new() { Name = "Assign protocol" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
                await page.Keyboard.PressAsync("Escape");
            }
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }

        Assert.Empty(violations);
        Assert.Empty(console);
    }

    private async Task<Guid> DemoPatientAsync(string record)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        return await db.Patients.IgnoreQueryFilters().Where(p => p.RecordNumber == record).Select(p => p.Id).SingleAsync();
    }
}
