using Microsoft.Extensions.Hosting;

namespace Briefingbot.Storage.Migrations;

/// <summary>
/// Applies migrations when the host starts. Registered as the first hosted service so that the scheduler, the
/// letter follower and the web endpoints never see an old schema; a failure stops the host with the real cause.
/// </summary>
internal sealed class StorageMigrationService(IStoreInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
