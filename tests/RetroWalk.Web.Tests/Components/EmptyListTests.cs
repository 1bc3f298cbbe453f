using Bunit;
using RetroWalk.Web.Components.Shared;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class EmptyListTests : ComponentTest
{
    [Fact]
    public void UntilTheListHasLoadedItSaysSoAsAStatusNotThatTheListIsEmpty()
    {
        var empty = Render<EmptyList>(p => p.Add(x => x.Loaded, false).Add(x => x.LoadingText, "Loading patients…").AddChildContent("No patients yet."));

        var status = empty.Find("[role=status]");
        Assert.Equal("Loading patients…", status.TextContent);
        Assert.DoesNotContain("No patients yet.", empty.Markup, StringComparison.Ordinal);

        empty.Render(p => p.Add(x => x.Loaded, true));

        Assert.Equal("No patients yet.", empty.Markup.Trim());
    }
}
