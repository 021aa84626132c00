using Edge.Store;

namespace Edge.Sync.Options;

/// <summary><c>Mqtt:Outbox</c>: bounds of the durable outbox.</summary>
public sealed class MqttOutboxOptions
{
    /// <summary>Most entries that may wait; beyond it the oldest summaries are dropped (and counted).</summary>
    public int MaxPending { get; set; } = OutboxPolicy.Default.MaxPending;

    /// <summary>
    /// Days an entry may wait. Also sent as the MQTT 5 message expiry interval (the remaining part of it), so a
    /// broker holding it for an offline consumer drops it at the same moment.
    /// </summary>
    public double MaxAgeDays { get; set; } = OutboxPolicy.Default.MaxAge.TotalDays;

    /// <summary>Publish attempts that end in a transient broker refusal before an entry is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    public OutboxPolicy ToPolicy() => new(MaxPending, TimeSpan.FromDays(MaxAgeDays));
}
