using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Steward.Infrastructure;
using Steward.Tests.Cli;

namespace Steward.Tests.Site;

// Data-protection keys were written to the database in the clear: anyone with a backup could forge a
// session cookie. With a certificate configured they are written encrypted, and read back with it.
public sealed class KeyProtectionTests
{
    [Fact]
    public void WithACertificate_KeysAreWrittenEncrypted_AndStillWork()
    {
        var folder = Directory.CreateTempSubdirectory("steward-keys-");
        try
        {
            var pfx = Path.Combine(folder.FullName, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Steward data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
                File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "test password"));
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [KeyProtection.CertificatePathKey] = pfx, [KeyProtection.CertificatePasswordKey] = "test password",
            }).Build();
            var keys = folder.CreateSubdirectory("ring");
            using var services = new ServiceCollection().AddLogging().AddDataProtection().SetApplicationName("Steward")
                .PersistKeysToFileSystem(keys).ProtectKeysAsConfigured(configuration).Services.BuildServiceProvider();

            var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            Assert.Equal("session", protector.Unprotect(protector.Protect("session")));

            var xml = File.ReadAllText(Assert.Single(keys.GetFiles("key-*.xml")).FullName);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AnUnreadableCertificate_IsRefused_NamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyProtection.CertificatePathKey] = "/nonexistent/keys.pfx" }).Build();

        var refused = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddDataProtection().ProtectKeysAsConfigured(configuration));

        Assert.StartsWith("DataProtection:CertificatePath: cannot read a certificate from '/nonexistent/keys.pfx'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeWithAnUnreadableCertificate_StopsWithOneLine()
    {
        var database = Path.Combine(Path.GetTempPath(), $"steward-{Guid.NewGuid():N}.db");
        var result = await StewardProcess.RunAsync(new Dictionary<string, string> { ["STEWARD_DATAPROTECTION__CERTIFICATEPATH"] = "/nonexistent/keys.pfx" },
            "serve", "--database", database, "--urls", "http://127.0.0.1:0");
        File.Delete(database);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("steward: DataProtection:CertificatePath: cannot read a certificate", result.Error.Trim(), StringComparison.Ordinal);
    }
}
