namespace Steward.Infrastructure;

// Where Steward is reached only over HTTPS (Https:Hsts), its cookies take the __Host- prefix: browsers
// then accept them only when Secure, for the whole site and from this host alone, so a neighbouring
// subdomain or a plain-HTTP page cannot plant or overwrite a session or antiforgery cookie.
public static class HttpsOnlyCookies
{
    public static string Name(string name, bool httpsOnly) => httpsOnly ? "__Host-" + name : name;
}
