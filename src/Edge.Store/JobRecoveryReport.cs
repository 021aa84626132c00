namespace Edge.Store;

/// <summary>What start-up recovery did with jobs a crash left leased.</summary>
public readonly record struct JobRecoveryReport(int Requeued, int Failed);
