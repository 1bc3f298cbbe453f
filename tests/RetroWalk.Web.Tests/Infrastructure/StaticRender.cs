using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// Component tests: renders a component with the framework's own HtmlRenderer (bUnit is not obtainable here)
/// and parses the HTML with AngleSharp.
/// </summary>
public static class StaticRender
{
    public static async Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddRadzenComponents()
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .AddSingleton<NavigationManager, StaticNavigation>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>A static render runs no JavaScript; any call would be a bug in the component.</summary>
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"A static render must not call JavaScript ({identifier}).");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new InvalidOperationException($"A static render must not call JavaScript ({identifier}).");
    }

    private sealed class StaticNavigation : NavigationManager
    {
        public StaticNavigation() => Initialize("http://127.0.0.1/", "http://127.0.0.1/patients");
    }
}
