using System.Collections.Concurrent;
using ImdsAnalyzers.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class ImdsHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ImdsTokenHandler"/> to the client: requests bound for the instance metadata service carry an
    /// IMDSv2 session token. The token outlives the factory's handler rotation: all handlers of one named client
    /// share it.
    /// </summary>
    public static IHttpClientBuilder AddImdsTokens(this IHttpClientBuilder builder, Action<ImdsTokenHandlerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        if (configure is not null)
        {
            builder.Services.Configure(name, configure);
        }

        builder.Services.TryAddSingleton<ImdsTokenSources>();
        builder.AddHttpMessageHandler(services =>
        {
            var options = services.GetRequiredService<IOptionsMonitor<ImdsTokenHandlerOptions>>().Get(name);
            return new ImdsTokenHandler(services.GetRequiredService<ImdsTokenSources>().For(name, options));
        });
        return builder;
    }

    /// <summary>One token source per named client, created the first time the client's handler is built.</summary>
    internal sealed class ImdsTokenSources
    {
        private readonly ConcurrentDictionary<string, Lazy<ImdsTokenSource>> _sources = new(StringComparer.Ordinal);

        public ImdsTokenSource For(string name, ImdsTokenHandlerOptions options) =>
            _sources.GetOrAdd(name, static (_, o) => new Lazy<ImdsTokenSource>(() => ImdsTokenSource.Create(o)), options).Value;
    }
}
