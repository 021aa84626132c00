using System.Text;

namespace Edge.Service.Tests.Support;

/// <summary>The byte scan behind "no patient-identifying data ever leaves the box".</summary>
internal static class Phi
{
    /// <summary>Fails naming the message and the value if any identifier appears in any byte of any message.</summary>
    public static void AssertAbsent(IEnumerable<ReceivedMessage> messages, IEnumerable<string> identifiers)
    {
        string[] values = [.. identifiers.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct()];
        int scanned = 0;
        foreach (ReceivedMessage message in messages)
        {
            scanned++;
            foreach (byte[] bytes in message.AllBytes())
            {
                foreach (string value in values)
                {
                    Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0,
                        $"'{value}' leaked in a message on {message.Topic}: {Encoding.UTF8.GetString(bytes)}");
                }
            }
        }

        Assert.True(scanned > 0, "no message was scanned");
    }
}
