using System.Net;
using CorpusBot.Core.Fetching;

namespace CorpusBot.Tests.Fetching;

public sealed class AddressRulesTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "127.0.0.1", "loopback" },
        { "127.8.9.10", "loopback" },
        { "::1", "loopback" },
        { "10.0.0.5", "private" },
        { "172.16.0.1", "private" },
        { "172.31.255.255", "private" },
        { "192.168.1.1", "private" },
        { "169.254.169.254", "link-local" },
        { "fe80::1", "link-local" },
        { "100.64.0.1", "carrier-grade NAT" },
        { "100.127.255.254", "carrier-grade NAT" },
        { "fc00::1", "unique-local" },
        { "fd12:3456::1", "unique-local" },
        { "::ffff:127.0.0.1", "IPv4-mapped" },
        { "::ffff:169.254.169.254", "IPv4-mapped" },
        { "::ffff:8.8.8.8", "IPv4-mapped" },
        { "0.0.0.0", "reserved" },
        { "::", "reserved" },
        { "224.0.0.1", "multicast" },
        { "ff02::1", "multicast" },
        { "255.255.255.255", "reserved" },
        { "192.0.2.10", "reserved" },
        { "64:ff9b::a9fe:a9fe", "reserved" },
        { "2002:a9fe:a9fe::1", "reserved" },
        { "2001:db8::1", "reserved" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void NonPublicAddresses_AreRefused_AndNamed(string address, string kind)
    {
        var why = new AddressRules(new FetchOptions()).Refusal(IPAddress.Parse(address));

        Assert.NotNull(why);
        Assert.Contains(kind, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.Null(new AddressRules(new FetchOptions()).Refusal(IPAddress.Parse(address)));

    [Fact]
    public void AllowPrivateAddresses_LiftsAddressAndPortRules()
    {
        var rules = new AddressRules(new FetchOptions { AllowPrivateAddresses = true });

        Assert.Null(rules.Refusal(IPAddress.Loopback));
        Assert.Null(rules.PortRefusal(8080));
        Assert.NotNull(new AddressRules(new FetchOptions()).PortRefusal(8080));
        Assert.Null(new AddressRules(new FetchOptions()).PortRefusal(443));
    }

    [Fact]
    public void AllowedNetworks_LiftTheRulesForThoseAddressesOnly()
    {
        var options = new FetchOptions();
        options.AllowedNetworks.Add("10.20.0.0/16");
        options.AllowedNetworks.Add("127.0.0.1");
        var rules = new AddressRules(options);

        Assert.Null(rules.Refusal(IPAddress.Parse("10.20.3.4")));
        Assert.Null(rules.Refusal(IPAddress.Loopback));
        Assert.Null(rules.PortRefusal(8080, IPAddress.Loopback));
        Assert.NotNull(rules.Refusal(IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(rules.Refusal(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(rules.Refusal(IPAddress.Parse("::ffff:127.0.0.1")));
    }
}
