using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Unit;

/// <summary>
/// A circuit's JSON metadata for what a click carries is built as the circuit opens, not on the first click: after the
/// warm-up the runtime's options answer both types from their cache, with no resolver asked again.
/// </summary>
public sealed class InteropJsonWarmUpTests
{
    [Fact]
    public void WarmingBuildsTheEventAndTaskResultMetadataOnce()
    {
        var runtime = new CountingRuntime();
        runtime.Options.MakeReadOnly();

        Assert.True(InteropJsonWarmUp.Warm(runtime));
        Assert.Equal(1, runtime.Requests(typeof(JsonElement)));
        Assert.Equal(1, runtime.Requests(InteropJsonWarmUp.TaskResultType));

        // What a click does afterwards: read the event's arguments, write the handler's empty result.
        JsonElement read = JsonSerializer.Deserialize<JsonElement>("""{"detail":1}""", runtime.Options);
        string written = JsonSerializer.Serialize(new object[] { "1", true, Activator.CreateInstance(InteropJsonWarmUp.TaskResultType, nonPublic: true)! }, runtime.Options);

        Assert.Equal(1, read.GetProperty("detail").GetInt32());
        Assert.Equal("""["1",true,{}]""", written);
        Assert.Equal(1, runtime.Requests(typeof(JsonElement)));
        Assert.Equal(1, runtime.Requests(InteropJsonWarmUp.TaskResultType));
    }

    [Fact]
    public void OptionsNotLockedYetAreLeftAlone()
    {
        // Unlocked options would build the metadata and keep none of it.
        var runtime = new CountingRuntime();

        Assert.False(InteropJsonWarmUp.Warm(runtime));
        Assert.Equal(0, runtime.Requests(typeof(JsonElement)));
        Assert.False(runtime.Options.IsReadOnly);
    }

    [Fact]
    public void ARuntimeThatIsNotBlazorsIsLeftAlone()
    {
        Assert.False(InteropJsonWarmUp.Warm(new NotAJSRuntime()));
    }

    /// <summary>A JS runtime whose options count the types their resolvers are asked for (each is asked once, then cached).</summary>
    private sealed class CountingRuntime : JSRuntime
    {
        private readonly Dictionary<Type, int> requests = [];

        public CountingRuntime()
        {
            var chain = JsonSerializerOptions.TypeInfoResolverChain;
            chain.Insert(0, new Counter(requests));
            if (!chain.OfType<DefaultJsonTypeInfoResolver>().Any())
            {
                // As the circuit's runtime has it: the reflection resolver last.
                chain.Add(new DefaultJsonTypeInfoResolver());
            }
        }

        public JsonSerializerOptions Options => JsonSerializerOptions;

        public int Requests(Type type) => requests.GetValueOrDefault(type);

        protected override void BeginInvokeJS(long taskId, string identifier, string? argsJson, JSCallResultType resultType, long targetInstanceId) =>
            throw new NotSupportedException();

        protected override void EndInvokeDotNet(DotNetInvocationInfo invocationInfo, in DotNetInvocationResult invocationResult) =>
            throw new NotSupportedException();

        private sealed class Counter(Dictionary<Type, int> requests) : IJsonTypeInfoResolver
        {
            public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
            {
                requests[type] = requests.GetValueOrDefault(type) + 1;
                return null;
            }
        }
    }

    private sealed class NotAJSRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new NotSupportedException();

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new NotSupportedException();
    }
}
