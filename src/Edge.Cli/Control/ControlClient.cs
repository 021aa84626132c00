using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Edge.Service.Control;
using Edge.Service.Control.Contracts;

namespace Edge.Cli.Control;

/// <summary>
/// HTTP/1.1 to edge-service's control API over its Unix socket. edgectl never opens the LiteDB file: one process owns
/// it, and LiteDB on Linux does not stop a second writer.
/// </summary>
internal sealed class ControlClient : IDisposable
{
    /// <summary>Every call is a local read of a few KiB; 30 s only matters when the service is wedged.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;

    public ControlClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // The host name is never resolved: every connection goes to the socket.
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://edge-service/"), Timeout = Timeout };
    }

    public string SocketPath { get; }

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Get, path, cancellationToken);

    public Task<T> PostAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Post, path, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(SocketPath))
        {
            throw new ServiceUnavailableException($"edge-service is not running (no control socket at {SocketPath})");
        }

        using var request = new HttpRequestMessage(method, path);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AccessDenied })
        {
            throw new ServiceUnavailableException($"no permission to open the control socket {SocketPath}: join the 'edge' group or use sudo", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException($"edge-service is not running (the control socket {SocketPath} does not answer: {ex.InnerException?.Message ?? ex.Message})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnavailableException($"edge-service did not answer on {SocketPath} within {Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                string message = $"edge-service answered {(int)response.StatusCode} {response.ReasonPhrase}";
                try
                {
                    if (await response.Content.ReadFromJsonAsync<ErrorResponse>(ControlJson.Options, cancellationToken).ConfigureAwait(false) is { } error)
                    {
                        message = error.Error;
                    }
                }
                catch (JsonException)
                {
                    // Not our error document; the status line says enough.
                }

                throw new ControlApiException((int)response.StatusCode, message);
            }

            return await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new ControlApiException((int)HttpStatusCode.OK, "edge-service sent an empty answer");
        }
    }

    public void Dispose() => _http.Dispose();
}
