using System.Globalization;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Store.CrashTarget;

/// <summary>
/// Usage:
///   complete DB CHECKPOINT_PAGES  commit job results with outbox entries forever; print "ACK resultId outboxId"
///                                 after each commit returns
///   lease DB                      queue three jobs, claim one, print "LEASED jobId", then wait to be killed
///   open DB                       open the store and report "OPENED" or "LOCKED", then wait for stdin to close
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: complete|lease|open DB [CHECKPOINT_PAGES]");
            return 2;
        }

        var options = new StoreOptions
        {
            Path = args[1],
            CheckpointPages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000,
        };
        try
        {
            using var store = new EdgeStore(options, NullLogger<EdgeStore>.Instance);
            return args[0] switch
            {
                "complete" => CompleteForever(store),
                "lease" => LeaseAndWait(store),
                "open" => OpenAndWait(),
                _ => 2,
            };
        }
        catch (StoreLockedException)
        {
            Console.Out.WriteLine("LOCKED");
            Console.Out.Flush();
            return 3;
        }
    }

    private static int CompleteForever(EdgeStore store)
    {
        store.RecoverInterruptedJobs();
        var payload = new byte[3000];
        for (long i = 0; ; i++)
        {
            string series = $"2.25.{Environment.ProcessId}.{i}";
            store.UpsertSeries(new SeriesRecord { SeriesInstanceUid = series, StudyInstanceUid = "2.25.1" });
            JobRecord job = store.EnqueueJob(series, 0, out _);
            JobRecord leased = store.TryLeaseNextJob("crash-target") ?? throw new InvalidOperationException("nothing to lease");
            Random.Shared.NextBytes(payload);
            var result = new ResultRecord
            {
                Id = Guid.NewGuid(),
                SeriesInstanceUid = leased.SeriesInstanceUid,
                CreatedAt = DateTimeOffset.UtcNow,
                Decision = i % 3 == 0 ? Decision.Suspicious : Decision.Negative,
                Models = [new ModelResult { Id = "m", Version = "1", Decision = Decision.Negative, Eligible = true }],
            };
            var message = new OutboxEntry
            {
                MessageId = result.Id,
                Kind = OutboxKind.Summary,
                Topic = "edge/v1/site/dev/summary",
                Payload = (byte[])payload.Clone(),
            };
            store.CompleteJob(leased.Id, result, [message], OutboxPolicy.Default);
            _ = job;
            Console.Out.WriteLine($"ACK {result.Id} {message.Id}");
            Console.Out.Flush();
        }
    }

    private static int LeaseAndWait(EdgeStore store)
    {
        for (int i = 0; i < 3; i++)
        {
            store.EnqueueJob($"2.25.9.{i}", 0, out _);
        }

        JobRecord job = store.TryLeaseNextJob("crash-target") ?? throw new InvalidOperationException("nothing to lease");
        Console.Out.WriteLine($"LEASED {job.Id}");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    private static int OpenAndWait()
    {
        Console.Out.WriteLine("OPENED");
        Console.Out.Flush();
        _ = Console.In.ReadToEnd();
        return 0;
    }
}
