using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Edge.Sync.Options;
using MQTTnet;

namespace Edge.Sync.Mqtt;

/// <summary>
/// TLS material and server-certificate policy for the broker connection: the chain must end at one of the
/// private CA certificates (nothing from the system store is trusted), the name must match, and revocation
/// is not checked because the clinic cannot reach a CRL or OCSP responder.
/// </summary>
internal sealed class BrokerTls
{
    private readonly X509Certificate2Collection _trustedRoots;
    private string? _lastRejection;

    private BrokerTls(X509Certificate2Collection trustedRoots, X509Certificate2? clientCertificate, string targetHost)
    {
        _trustedRoots = trustedRoots;
        ClientCertificate = clientCertificate;
        TargetHost = targetHost;
    }

    public X509Certificate2? ClientCertificate { get; }

    public string TargetHost { get; }

    /// <summary>Why the last server certificate was refused, for a log line better than SslStream's.</summary>
    public string? LastRejection => Volatile.Read(ref _lastRejection);

    public static BrokerTls Load(MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MqttTlsOptions tls = options.Tls;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(tls.CaFile ?? throw new InvalidOperationException("Mqtt:Tls:CaFile is required for TLS."));
        if (roots.Count == 0)
        {
            throw new InvalidOperationException($"Mqtt:Tls:CaFile '{tls.CaFile}' holds no certificate.");
        }

        X509Certificate2? client = null;
        if (tls.CertFile is not null && tls.KeyFile is not null)
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(tls.CertFile, tls.KeyFile);

            // Round-trip through PKCS#12 so the key is usable by SslStream on every platform (ephemeral PEM keys
            // are refused by SChannel, and OpenSSL is happy either way).
            client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }

        return new BrokerTls(roots, client, string.IsNullOrEmpty(tls.ServerName) ? options.Host : tls.ServerName);
    }

    public MqttClientTlsOptions ToMqttTlsOptions()
    {
        var builder = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithTargetHost(TargetHost)
            .WithRevocationMode(X509RevocationMode.NoCheck)
            .WithCertificateValidationHandler(Validate);
        if (ClientCertificate is not null)
        {
            builder = builder.WithClientCertificates([ClientCertificate]);
        }

        return builder.Build();
    }

    internal bool Validate(MqttClientCertificateValidationEventArgs args)
    {
        string? reason = Check(args.Certificate, args.Chain, args.SslPolicyErrors);
        Volatile.Write(ref _lastRejection, reason);
        return reason is null;
    }

    /// <summary>Null when the server certificate is acceptable, else why not.</summary>
    internal string? Check(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the broker presented no certificate";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"the broker certificate does not name '{TargetHost}' (set Mqtt:Tls:ServerName if the name differs from Mqtt:Host)";
        }

        // The platform's own chain verdict used the system store; rebuild against the private CA only.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (presented is not null)
        {
            foreach (X509ChainElement element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        X509Certificate2 leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (chain.Build(leaf))
        {
            return null;
        }

        string status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        return $"the broker certificate '{leaf.Subject}' does not chain to Mqtt:Tls:CaFile ({status})";
    }
}
