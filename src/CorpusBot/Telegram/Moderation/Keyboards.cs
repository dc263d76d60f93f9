using Telegram.Bot.Types.ReplyMarkups;

namespace CorpusBot.Telegram.Moderation;

/// <summary>The inline buttons under answers and review cards.</summary>
internal static class Keyboards
{
    public static InlineKeyboardMarkup Feedback(long answerId) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(BotTexts.ButtonHelpful, new ButtonData(ButtonData.Helpful, answerId).ToString()),
            InlineKeyboardButton.WithCallbackData(BotTexts.ButtonNotHelpful, new ButtonData(ButtonData.NotHelpful, answerId).ToString()),
            InlineKeyboardButton.WithCallbackData(BotTexts.ButtonReport, new ButtonData(ButtonData.Report, answerId).ToString()),
        ],
    ]);

    public static InlineKeyboardMarkup Review(long answerId) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(BotTexts.ButtonApprove, new ButtonData(ButtonData.Approve, answerId).ToString()),
            InlineKeyboardButton.WithCallbackData(BotTexts.ButtonReject, new ButtonData(ButtonData.Reject, answerId).ToString()),
        ],
    ]);
}
