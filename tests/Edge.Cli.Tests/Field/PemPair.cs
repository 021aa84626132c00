using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Cli.Tests.Field;

/// <summary>A throwaway CA and one client certificate with its key, as PEM files (for provisioning, which only checks they load and match).</summary>
internal sealed record PemPair(string CaFile, string CertFile, string KeyFile)
{
    public static PemPair Create(string directory)
    {
        Directory.CreateDirectory(directory);
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Provision Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=clinic-a/ct-1", key, HashAlgorithmName.SHA256);
        using X509Certificate2 cert = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMonths(6), [1, 2, 3, 4]);
        var pair = new PemPair(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "client.pem"), Path.Combine(directory, "client.key"));
        File.WriteAllText(pair.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(pair.CertFile, cert.ExportCertificatePem());
        File.WriteAllText(pair.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return pair;
    }
}
