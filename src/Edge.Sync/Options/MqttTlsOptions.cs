namespace Edge.Sync.Options;

/// <summary>
/// <c>Mqtt:Tls</c>: TLS with a private CA and a client certificate. Revocation is not checked: the clinic has
/// no route to a CRL or OCSP responder, and an attempt would only stall each handshake.
/// </summary>
public sealed class MqttTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM file with the private CA certificate(s) that must anchor the broker's chain.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate (may include intermediates after the leaf).</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of the client certificate (PKCS#8, PKCS#1 or SEC1).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Name expected in the broker certificate; defaults to <c>Mqtt:Host</c>.</summary>
    public string? ServerName { get; set; }
}
