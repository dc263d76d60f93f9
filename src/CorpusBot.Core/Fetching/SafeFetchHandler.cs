using System.Net;
using System.Net.Sockets;

namespace CorpusBot.Core.Fetching;

/// <summary>
/// The HTTP handler under <see cref="SafeFetcher"/>. Its connect callback resolves the host once, keeps
/// only addresses <see cref="AddressRules"/> allow, and connects the socket to one of those: the address
/// checked is the address used, so DNS rebinding between check and connect is impossible. No proxy
/// (it would connect for us, unchecked) and no automatic redirects (the fetcher checks each one).
/// </summary>
public static class SafeFetchHandler
{
    public static SocketsHttpHandler Create(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new AddressRules(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.TimeoutSeconds)),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(rules, context.DnsEndPoint, cancellationToken),
        };
    }

    internal static async ValueTask<Stream> ConnectAsync(AddressRules rules, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await ResolveAsync(endpoint.Host, cancellationToken);
        var usable = addresses.Where(a => rules.Refusal(a) is null && rules.PortRefusal(endpoint.Port, a) is null).ToList();
        if (usable.Count == 0)
        {
            var first = addresses[0];
            var why = rules.Refusal(first) ?? rules.PortRefusal(endpoint.Port, first);
            throw new FetchRefusedException($"{endpoint.Host} is {first}, {why}; refused");
        }

        Exception? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException(HttpRequestError.ConnectionError, $"could not connect to {endpoint.Host}", last);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new FetchRefusedException($"{host} has no address");
        }
        catch (SocketException e)
        {
            throw new FetchRefusedException($"{host} could not be resolved", e);
        }
    }
}
