#if BLAZOR_SCRIPT_SHIM
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// Environment shim, see RetroWalk.Web.csproj: serves <c>/_framework/blazor.web.js</c> from the
/// .NET 9 Components.Endpoints assembly embedded in this one, because the .NET 10 package that
/// normally provides the script cannot be restored on this project's build machines.
/// The 9.0 client does not raise <c>components-reconnect-state-changed</c>; the reconnect
/// indicator in App.razor is therefore driven by the CSS classes the client toggles.
/// A container build with the full feed compiles this file out (UseFrameworkBlazorScript=true).
/// </summary>
internal static class BlazorScriptShim
{
    private const string EmbeddedAssembly = "BlazorScriptShim.Components.Endpoints.dll";
    private const string ScriptResource = "_framework/blazor.web.js";

    private static readonly Lazy<byte[]> Script = new(ReadScript);

    public static IEndpointConventionBuilder MapBlazorScriptShim(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + ScriptResource, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(Script.Value, "text/javascript");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    internal static byte[] ReadScript()
    {
        using var assembly = typeof(BlazorScriptShim).Assembly.GetManifestResourceStream(EmbeddedAssembly)
            ?? throw new InvalidOperationException($"The embedded resource {EmbeddedAssembly} is missing; rebuild RetroWalk.Web.");
        using var pe = new PEReader(assembly);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != ScriptResource)
            {
                continue;
            }

            // Embedded resources sit in the CLI resources directory, each preceded by its 4-byte length.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            block.Offset = checked((int)resource.Offset);
            var length = block.ReadInt32();
            return block.ReadBytes(length);
        }

        throw new InvalidOperationException($"{ScriptResource} was not found in {EmbeddedAssembly}.");
    }
}
#endif
