using System.Net;
using System.Net.Sockets;

namespace CorpusBot.Core.Fetching;

/// <summary>
/// Which addresses and ports a fetch may connect to. Public unicast only: no loopback, private
/// (RFC 1918), link-local (cloud metadata at 169.254.169.254), CGNAT, unique-local, multicast,
/// documentation or reserved ranges, and no IPv4-mapped or -embedding IPv6 forms that could smuggle
/// one of those past the check. Ports 80 and 443 only.
/// </summary>
public sealed class AddressRules
{
    private static readonly IPNetwork[] BlockedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network"
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.88.99.0/24"),   // 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, broadcast
    ];

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] BlockedV6 =
    [
        IPNetwork.Parse("2001::/32"),        // Teredo (embeds an IPv4 address)
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("2002::/16"),        // 6to4 (embeds an IPv4 address)
    ];

    private readonly bool allowAll;
    private readonly IPNetwork[] allowed;

    public AddressRules(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        allowAll = options.AllowPrivateAddresses;
        allowed = [.. options.AllowedNetworks.Select(ParseNetwork)];
    }

    /// <summary>Why the address may not be fetched from, or null when it may.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (allowAll)
        {
            return null;
        }

        // Mapped forms are refused even when their IPv4 address is allow-listed: one spelling per address.
        return !address.IsIPv4MappedToIPv6 && IsExplicitlyAllowed(address) ? null : Classify(address);
    }

    /// <summary>Why the port may not be used for this address, or null when it may.</summary>
    public string? PortRefusal(int port, IPAddress? address = null) =>
        allowAll || port is 80 or 443 || (address is not null && IsExplicitlyAllowed(address))
            ? null
            : $"port {port} is not allowed (only 80 and 443); refused";

    /// <summary>True when a host's port can only be checked after it is resolved (it may be on the allow-list).</summary>
    public bool HasAllowList => allowed.Length > 0;

    /// <summary>Null for a public unicast address; otherwise what kind of address it is.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return BlockedV4.Any(n => n.Contains(address)) ? Describe(address) : null;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return "an IPv4-mapped IPv6 address";
        }

        if (!GlobalUnicastV6.Contains(address) || BlockedV6.Any(n => n.Contains(address)))
        {
            return Describe(address);
        }

        return null;
    }

    private static string Describe(IPAddress address) => address switch
    {
        _ when IPAddress.IsLoopback(address) => "a loopback address",
        _ when address.IsIPv6LinkLocal || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, ..]) => "a link-local address",
        _ when address.IsIPv6UniqueLocal => "a unique-local address",
        _ when address.IsIPv6Multicast || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and < 240) => "a multicast address",
        _ when address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [100, >= 64 and < 128, ..] => "a carrier-grade NAT address",
        _ when address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [10, ..] or [192, 168, ..] or [172, >= 16 and < 32, ..] => "a private address",
        _ => "a reserved address",
    };

    private bool IsExplicitlyAllowed(IPAddress address) => allowed.Any(n => n.Contains(address));

    private static IPNetwork ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var single))
        {
            return new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new CorpusBotException($"Fetch:AllowedNetworks: '{text}' is not an IP address or network such as 10.20.0.0/16.");
    }
}
