using Edge.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Tests.Support;

internal static class TestStore
{
    public static EdgeStore Open(string path, TimeProvider? time = null, Action<StoreOptions>? configure = null)
    {
        var options = new StoreOptions { Path = path };
        configure?.Invoke(options);
        return new EdgeStore(options, NullLogger<EdgeStore>.Instance, time);
    }
}
