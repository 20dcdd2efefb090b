using System.Text.RegularExpressions;
using VisitPlanner.Core.Pages;
using static VisitPlanner.Core.Tests.Pages.PageTestData;

namespace VisitPlanner.Core.Tests.Pages;

/// <summary>The error page a browser gets for a page that cannot be shown: bilingual, saying what to do, in the pages' frame.</summary>
public class ErrorPageTests
{
    public static TheoryData<int, RequestedPage, bool, string, string> Cases => new()
    {
        { 404, RequestedPage.Calendar, true, "链接已失效", "This link no longer works" },
        { 404, RequestedPage.Event, true, "链接已失效", "This link no longer works" },
        { 404, RequestedPage.Calendar, false, "找不到此日历", "Calendar not found" },
        { 404, RequestedPage.Event, false, "找不到此活动", "Event not found" },
        { 400, RequestedPage.Event, false, "链接有误", "This link is not valid" },
        { 503, RequestedPage.Calendar, false, "暂时无法访问", "Temporarily unavailable" },
        { 500, RequestedPage.Event, true, "出错了", "Something went wrong" },
        { 405, RequestedPage.Event, false, "无法显示此页面", "This page cannot be shown" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFailureIsExplainedInChineseAndEnglishWithWhatToDo(int status, RequestedPage page, bool hadToken, string chinese, string english)
    {
        var html = ErrorPage.Render(new ErrorPageModel(status, page, hadToken));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html);
        Assert.Equal($"{chinese} {english}", Text(Element(html, "h1", "error-title")));
        Assert.Equal($"错误 {status} · {chinese} {english}", Text(Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value));
        Assert.Contains($"错误 Error {status}", html);
        var explanation = Text(Element(html, "p", "error-explanation"));
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", explanation);
        Assert.Matches("[A-Za-z]{4,}", explanation);
        Assert.Contains("怎么办 What to do", Text(html));
        Assert.NotEmpty(Text(Element(html, "ul", "error-advice")).Trim());
    }

    [Fact]
    public void ARefusedTokenAndAMissingOneAreToldApart()
    {
        var refused = Text(ErrorPage.Render(new ErrorPageModel(404, RequestedPage.Calendar, LinkHadToken: true)));
        var missing = Text(ErrorPage.Render(new ErrorPageModel(404, RequestedPage.Calendar, LinkHadToken: false)));

        Assert.Contains("revoked", refused);
        Assert.Contains("Ask the organizer for a new subscription link", refused);
        Assert.Contains("private calendar opens only through the subscription link", missing);
    }

    [Fact]
    public void AnOutageSaysWhenToReloadAndOffersTheReload()
    {
        var html = ErrorPage.Render(new ErrorPageModel(503, RequestedPage.Event, LinkHadToken: true, RetryAfterSeconds: 10));

        Assert.Contains("Reload this page in 10 seconds", Text(html));
        Assert.Contains("请在 10 秒后重新加载本页", Text(html));
        // An empty href reloads the very address, token included, without the page writing the token down.
        Assert.Equal("", AttributeOf(html, "reload", "href"));
    }

    [Fact]
    public void OnlyAFailureOfOursOffersAReload()
    {
        Assert.DoesNotContain("id=\"reload\"", ErrorPage.Render(new ErrorPageModel(404, RequestedPage.Event, LinkHadToken: true)));
        Assert.Contains("id=\"reload\"", ErrorPage.Render(new ErrorPageModel(500, RequestedPage.Event, LinkHadToken: false)));
    }

    [Fact]
    public void ItLoadsNothingFromElsewhereAndHasNoSubscribeSection()
    {
        var html = ErrorPage.Render(new ErrorPageModel(404, RequestedPage.Event, LinkHadToken: false));

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("id=\"subscribe\"", html);
        Assert.Contains("<footer class=\"footer\">VisitPlanner</footer>", html);
    }
}
