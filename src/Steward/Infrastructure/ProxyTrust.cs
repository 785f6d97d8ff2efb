using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Steward.Infrastructure;

// X-Forwarded-For/-Proto/-Host are believed only from the proxies the operator names (Proxy:KnownProxies,
// addresses, and Proxy:KnownNetworks, ranges such as 10.0.0.0/8, comma separated), or from this machine
// when none is named. A client that reaches Steward's port directly cannot pass itself off as another
// address, and so cannot escape the per-address sign-in limit.
public static class ProxyTrust
{
    public static ForwardedHeadersOptions From(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
        var proxies = List(configuration["Proxy:KnownProxies"]);
        var networks = List(configuration["Proxy:KnownNetworks"]);
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return options; // ASP.NET Core's own default: the loopback addresses only
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                : throw new InvalidOperationException($"Proxy:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
        }

        return options;
    }

    private static string[] List(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
