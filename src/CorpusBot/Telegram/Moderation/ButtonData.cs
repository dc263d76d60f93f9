using System.Globalization;
using System.Text;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// What a button carries: an action and an answer id, as "a:123". Parsed strictly; anything else
/// (forged, truncated, from an older version) is rejected. Telegram allows 64 bytes at most.
/// </summary>
internal readonly record struct ButtonData(char Action, long AnswerId)
{
    public const int MaxBytes = 64;

    public const char Helpful = 'h';
    public const char NotHelpful = 'n';
    public const char Report = 'r';
    public const char Approve = 'A';
    public const char Reject = 'R';

    public bool IsFeedback => Action is Helpful or NotHelpful or Report;

    public bool IsReview => Action is Approve or Reject;

    public override string ToString()
    {
        var data = string.Create(CultureInfo.InvariantCulture, $"{Action}:{AnswerId}");
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            throw new InvalidOperationException("Button data longer than Telegram's 64 bytes.");
        }

        return data;
    }

    public static ButtonData? Parse(string? data)
    {
        if (data is null || data.Length < 3 || data.Length > MaxBytes || data[1] != ':')
        {
            return null;
        }

        var action = data[0];
        if (action is not (Helpful or NotHelpful or Report or Approve or Reject))
        {
            return null;
        }

        var digits = data.AsSpan(2);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        return digits.Length <= 19 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new ButtonData(action, id)
            : null;
    }
}
