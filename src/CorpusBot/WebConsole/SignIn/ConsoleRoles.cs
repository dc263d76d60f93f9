using System.Globalization;
using System.Security.Claims;
using CorpusBot.Telegram;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>The console's roles, read from <c>Roles:*</c> on every request, and the policies built on them.</summary>
internal sealed class ConsoleRoles(IOptionsMonitor<RolesOptions> options)
{
    public const string Moderator = "moderator";
    public const string Maintainer = "maintainer";

    /// <summary>Policy: a moderator or a maintainer (every page).</summary>
    public const string StaffPolicy = "staff";

    public const string ModeratorPolicy = "moderator";

    public const string MaintainerPolicy = "maintainer";

    public IReadOnlyList<string> Of(long userId)
    {
        var current = options.CurrentValue;
        var roles = new List<string>(2);
        if (current.Moderators.Contains(userId))
        {
            roles.Add(Moderator);
        }

        if (current.Maintainers.Contains(userId))
        {
            roles.Add(Maintainer);
        }

        return roles;
    }

    public bool IsStaff(long userId) => Of(userId).Count > 0;

    public static long UserId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture);
    }
}
