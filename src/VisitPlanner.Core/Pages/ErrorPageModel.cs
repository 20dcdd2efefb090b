namespace VisitPlanner.Core.Pages;

/// <summary>
/// What an error page may say: the status it is sent with, which page was asked for, whether the link carried a token
/// (never the token itself), and for a 503 when to try again. Nothing else from the request reaches the page.
/// </summary>
public sealed record ErrorPageModel(int Status, RequestedPage Page, bool LinkHadToken, int? RetryAfterSeconds = null);
