using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Steward.Infrastructure;

// The data-protection keys that sign session cookies and antiforgery tokens live in the database, so that
// every node shares them. Unencrypted, anyone who can read a backup could forge an Administrator's cookie.
// With DataProtection:CertificatePath (a .pfx file, DataProtection:CertificatePassword its password) they
// are encrypted with that certificate, which is kept outside the database; without it Steward says so at
// start-up. To rotate, add the new certificate and keep the old one readable until its keys expire (90
// days): DataProtection:PreviousCertificatePaths lists older .pfx files (same password) kept to read them.
public static class KeyProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string PreviousCertificatePathsKey = "DataProtection:PreviousCertificatePaths";

    public const string UnprotectedWarning =
        "The keys that sign sign-in cookies are stored in the database unencrypted: anyone who can read the database or a backup " +
        "could forge a session. Set DataProtection:CertificatePath (STEWARD_DATAPROTECTION__CERTIFICATEPATH) to a certificate kept outside the database.";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[CertificatePathKey]);

    public static IDataProtectionBuilder ProtectKeysAsConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return builder;
        }

        var password = configuration[CertificatePasswordKey];
        var current = Load(configuration[CertificatePathKey]!, password, CertificatePathKey);
        var previous = (configuration[PreviousCertificatePathsKey] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(path => Load(path, password, PreviousCertificatePathsKey)).ToArray();
        return builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? certificate
                : throw new ConfigurationException($"{setting}: the certificate in '{path}' has no private key, so keys encrypted with it could never be read again.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{setting}: cannot read a certificate from '{path}' ({e.Message.TrimEnd('.')}); give a .pfx file and its password.");
        }
    }
}
