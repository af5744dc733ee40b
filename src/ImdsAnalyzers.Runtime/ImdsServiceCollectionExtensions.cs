using ImdsAnalyzers.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class ImdsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the process-wide <see cref="ImdsCallMonitor"/>, logging through the container's
    /// <see cref="ILoggerFactory"/>. A host starts it with the application; without a host it starts the first time
    /// it is resolved. When a monitor is already running, that one is used and these options are ignored.
    /// Disposing the container stops the monitor.
    /// </summary>
    public static IServiceCollection AddImdsCallMonitor(this IServiceCollection services, Action<ImdsCallMonitorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ImdsCallMonitorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            var configured = provider.GetRequiredService<IOptions<ImdsCallMonitorOptions>>().Value;
            configured.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            return ImdsCallMonitor.Start(configured);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ImdsCallMonitorStarter>());
        return services;
    }

    /// <summary>Resolves the monitor when the host starts, so that it watches from the first request on.</summary>
    private sealed class ImdsCallMonitorStarter(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ImdsCallMonitor>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
