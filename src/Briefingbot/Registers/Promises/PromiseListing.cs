using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>Which promises a listing shows.</summary>
public enum PromiseFilter
{
    /// <summary>Open promises (overdue, due, undated).</summary>
    Open,
    /// <summary>Open promises whose due date has passed.</summary>
    Overdue,
    /// <summary>Everything, fulfilled and withdrawn included (last).</summary>
    All,
}

/// <summary>Where a promise stands relative to "today"; also the listing order.</summary>
public enum PromiseUrgency { Overdue, DueSoon, Later, Undated, Closed }

/// <summary>A promise as it stood on a day: its status then, and how urgent it was.</summary>
public sealed record PromiseItem(PromiseRecord Promise, PromiseStatus Status, PromiseUrgency Urgency);
