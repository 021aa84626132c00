using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Sync.Tests.Support;

/// <summary>
/// A private CA with a broker and a client certificate, plus a second, untrusted CA with its own broker and
/// client certificates, all written as PEM files for mosquitto and for Edge.
/// </summary>
internal sealed class TestPki
{
    public TestPki(string directory)
    {
        Directory = directory;
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 ca = MakeCa("CN=Edge Test Private CA", caKey);
        using ECDsa rogueKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 rogue = MakeCa("CN=Rogue CA", rogueKey);
        CaFile = WriteCert("ca.pem", ca);
        RogueCaFile = WriteCert("rogue-ca.pem", rogue);
        (ServerCertFile, ServerKeyFile) = Issue("server", "CN=localhost", ca, caKey, server: true);
        (ClientCertFile, ClientKeyFile) = Issue("client", "CN=edge-device-1", ca, caKey, server: false);
        (RogueServerCertFile, RogueServerKeyFile) = Issue("rogue-server", "CN=localhost", rogue, rogueKey, server: true);
        (RogueClientCertFile, RogueClientKeyFile) = Issue("rogue-client", "CN=edge-device-1", rogue, rogueKey, server: false);
    }

    public string Directory { get; }

    public string CaFile { get; }

    public string RogueCaFile { get; }

    public string ServerCertFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertFile { get; }

    public string ClientKeyFile { get; }

    public string RogueServerCertFile { get; }

    public string RogueServerKeyFile { get; }

    public string RogueClientCertFile { get; }

    public string RogueClientKeyFile { get; }

    private static X509Certificate2 MakeCa(string name, ECDsa key)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    private (string Cert, string Key) Issue(string stem, string subject, X509Certificate2 ca, ECDsa caKey, bool server)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 cert = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), serial);
        string certFile = WriteCert(stem + ".pem", cert);
        string keyFile = Path.Combine(Directory, stem + ".key");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }

    private string WriteCert(string name, X509Certificate2 cert)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, cert.ExportCertificatePem());
        return path;
    }
}
