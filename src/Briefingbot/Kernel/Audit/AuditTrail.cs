using Briefingbot.Storage;

namespace Briefingbot.Kernel.Audit;

/// <summary>
/// Writes admin changes to the audit log (who, what; the store stamps when) and to the structured log.
/// One place, so every feature records changes the same way.
/// </summary>
public sealed class AuditTrail(IAuditLog auditLog, ILogger<AuditTrail> logger)
{
    /// <param name="action">Dotted action name, e.g. "topic.add".</param>
    /// <param name="details">What changed, readable for admins (Dutch), e.g. "onderwerp defensie-eu = \"defensie OR NAVO\"".</param>
    public async Task RecordAsync(Actor actor, string action, string details, CancellationToken cancellationToken)
    {
        await auditLog.AppendAsync(actor.Id, actor.Name, action, details, cancellationToken);
        Log.AdminChange(logger, action, actor.Id, details);
    }
}
