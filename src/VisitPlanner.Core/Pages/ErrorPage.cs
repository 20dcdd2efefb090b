using System.Globalization;
using System.Text;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// The page a person sees in the browser when a calendar's or event's page cannot be shown: what went wrong and what
/// to do, in Chinese and English, in the pages' own frame. It tells no more than a problem+json answer would: a
/// refused token reads like a missing page (so a link reveals nothing about what exists), and nothing from the request,
/// least of all its token, is written into it.
/// </summary>
public static class ErrorPage
{
    public static string Render(ErrorPageModel model)
    {
        var text = TextFor(model);
        var html = new StringBuilder(4 * 1024);
        html.Append("<main id=\"error\" class=\"card error-page\">\n");
        html.Append("<p class=\"error-status\">错误 Error ").Append(model.Status.ToString(CultureInfo.InvariantCulture)).Append("</p>\n");
        html.Append("<h1 id=\"error-title\">").Append(HtmlText.Encode(text.ChineseTitle)).Append(" <span class=\"en\">")
            .Append(HtmlText.Encode(text.EnglishTitle)).Append("</span></h1>\n");
        html.Append("<p id=\"error-explanation\">").Append(HtmlText.Encode(text.Chinese)).Append("<br><span class=\"en\">")
            .Append(HtmlText.Encode(text.English)).Append("</span></p>\n");
        html.Append("<h2>怎么办 <span class=\"en\">What to do</span></h2>\n<ul id=\"error-advice\">\n");
        foreach (var (chinese, english) in text.Advice)
        {
            html.Append("<li>").Append(HtmlText.Encode(chinese)).Append(" <span class=\"en\">").Append(HtmlText.Encode(english)).Append("</span></li>\n");
        }
        html.Append("</ul>\n");
        if (model.Status >= 500)
        {
            // An empty href is this very address: the browser reloads it as it was, token and all, without the page
            // having to write the token down.
            html.Append("<p><a id=\"reload\" class=\"button\" href=\"\">重新加载 Reload</a></p>\n");
        }
        html.Append("</main>\n");
        return PageLayout.Document($"错误 {model.Status} · {text.ChineseTitle} {text.EnglishTitle}", html.ToString(), footer: null);
    }

    private sealed record Text(string ChineseTitle, string EnglishTitle, string Chinese, string English, (string Chinese, string English)[] Advice);

    private static readonly (string, string) AskOrganizer =
        ("请使用组织方发送的完整链接，或向组织方索取新的链接。", "Use the whole link the organizer sent you, or ask them for a new one.");

    private static Text TextFor(ErrorPageModel model) => model.Status switch
    {
        404 when model.LinkHadToken => new(
            "链接已失效", "This link no longer works",
            "此链接中的访问令牌未被接受：订阅可能已被撤销或已过期，也可能链接没有复制完整。",
            "The access token in this link was not accepted: its subscription may have been revoked or may have expired, or the link was not copied in full.",
            [("请向组织方索取新的订阅链接。", "Ask the organizer for a new subscription link."),
             ("如果链接是从消息中复制的，请确认复制了完整链接。", "If you copied the link from a message, check that you copied all of it.")]),
        404 when model.Page == RequestedPage.Calendar => new(
            "找不到此日历", "Calendar not found",
            "此日历不存在，或者是非公开日历。非公开日历只能通过组织方发送的订阅链接（带访问令牌）打开。",
            "This calendar does not exist, or it is private. A private calendar opens only through the subscription link the organizer sent you, which carries an access token.",
            [AskOrganizer]),
        404 => new(
            "找不到此活动", "Event not found",
            "此活动不存在，或者不在任何公开日历上。非公开日历上的活动只能从其日历页面或带访问令牌的链接打开。",
            "This event does not exist, or it is on no public calendar. An event of a private calendar opens only from that calendar's page or through a link with an access token.",
            [("从日历页面点击活动名称打开。", "Open it from its calendar's page, by its title."), AskOrganizer]),
        400 => new(
            "链接有误", "This link is not valid",
            "链接中的日历或活动编号格式不正确，可能在复制时被截断或改动。",
            "The calendar or event id in this link is malformed; it may have been cut short or changed when copied.",
            [("请重新复制完整链接。", "Copy the whole link again."), AskOrganizer]),
        503 => new(
            "暂时无法访问", "Temporarily unavailable",
            "服务暂时无法读取日程数据；数据没有丢失。",
            "The service cannot read its data just now; nothing has been lost.",
            [($"请在 {RetryAfter(model)} 秒后重新加载本页。", $"Reload this page in {RetryAfter(model)} seconds.")]),
        >= 500 => new(
            "出错了", "Something went wrong",
            "显示此页面时发生了意外错误，错误已被记录。",
            "Showing this page failed unexpectedly; the error has been logged.",
            [("请稍后重新加载本页；如仍无法打开，请告知组织方。", "Reload the page later; if it still fails, tell the organizer.")]),
        _ => new(
            "无法显示此页面", "This page cannot be shown",
            $"请求未能完成（错误 {model.Status}）。",
            $"The request could not be served (error {model.Status}).",
            [AskOrganizer]),
    };

    private static string RetryAfter(ErrorPageModel model) => (model.RetryAfterSeconds ?? 5).ToString(CultureInfo.InvariantCulture);
}
