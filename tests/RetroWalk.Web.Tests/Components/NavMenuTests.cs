using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Components.Layout;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class NavMenuTests : ComponentTest
{
    private static string[] Active(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a.active").Select(a => a.TextContent.Trim())];

    [Fact]
    public void TheEntryForTheCurrentAddressIsMarkedAndTheMarkFollowsNavigation()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("patients/0192a1b2-0000-7000-8000-000000000001/edit?from=list");
        var menu = Render<NavMenu>();

        Assert.Equal(["Patients"], Active(menu));
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));
        Assert.Null(menu.FindAll("a").Single(a => a.TextContent.Trim() == "Dashboard").GetAttribute("aria-current"));

        // "Protocols" is marked on its own address only; its templates have their own entry.
        navigation.NavigateTo("protocols/templates");
        Assert.Equal(["Protocol templates"], Active(menu));
        navigation.NavigateTo("protocols/");
        Assert.Equal(["Protocols"], Active(menu));
        navigation.NavigateTo("");
        Assert.Equal(["Dashboard"], Active(menu));
        navigation.NavigateTo("patientsarchive");
        Assert.Empty(Active(menu));
    }

    [Fact]
    public void EveryEntryIsALinkWithItsTextAndTheAdministrationOnesOnlyForAnAdministrator()
    {
        var menu = Render<NavMenu>();
        Assert.Equal(9, menu.FindAll("a.mud-nav-link").Count);
        Assert.Empty(menu.FindAll("a[href='admin/audit']"));

        menu.Render(p => p.Add(x => x.Administrator, true));

        Assert.Equal(16, menu.FindAll("a.mud-nav-link").Count);
        Assert.Equal("Audit trail", menu.Find("a[href='admin/audit']").TextContent.Trim());
        Assert.All(menu.FindAll("a.mud-nav-link"), a => Assert.False(string.IsNullOrWhiteSpace(a.TextContent)));
    }
}
