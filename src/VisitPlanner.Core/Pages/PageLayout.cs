using System.Text;
using NodaTime;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// The frame every page shares: one self-contained UTF-8 document with its style sheet (screen, phone and print)
/// and the few lines of script of the copy button inline. Nothing is loaded from anywhere else, so a page works
/// offline and under <c>default-src 'none'</c>.
/// </summary>
internal static class PageLayout
{
    public static string Document(string title, string body, Instant generatedAt, DateTimeZone zone) =>
        Document(title, body, "生成于 Generated " + PageFormat.Moment(generatedAt, zone));

    /// <param name="footer">Plain text for the foot of the page, before " · VisitPlanner".</param>
    public static string Document(string title, string body, string? footer)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // The URL may carry a token: no page it links to learns it (the header says so too).
        html.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        html.Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        // An empty icon, so the browser does not ask for /favicon.ico (a 404, and a CSP report under img-src data:).
        html.Append("<link rel=\"icon\" href=\"data:,\">\n");
        html.Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n");
        html.Append("<style>").Append(Styles).Append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        html.Append(body);
        html.Append("<footer class=\"footer\">").Append(footer is null ? "" : HtmlText.Encode(footer) + " · ").Append("VisitPlanner</footer>\n");
        html.Append("</div>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The 订阅 Subscribe section: webcal, Google, Outlook, the URL to copy, and a QR code of the webcal link for phones.</summary>
    public static void AppendSubscribe(StringBuilder html, SubscribeBox box, string heading)
    {
        var links = box.Links;
        html.Append("<section id=\"subscribe\" class=\"card subscribe\" aria-labelledby=\"subscribe-heading\">\n");
        html.Append("<h2 id=\"subscribe-heading\">").Append(HtmlText.Encode(heading)).Append("</h2>\n");
        html.Append("<p class=\"meta\">").Append(HtmlText.Encode(box.AgendaName)).Append(" · 在日历应用中订阅，行程变更会自动同步 Subscribe in your calendar app; changes arrive by themselves.</p>\n");
        html.Append("<div class=\"subscribe-body\">\n<div class=\"subscribe-links\">\n<div class=\"buttons\">\n");
        html.Append("<a id=\"subscribe-webcal\" class=\"button\"").Append(HtmlText.Attribute("href", links.WebcalUrl))
            .Append(">订阅 Subscribe <span class=\"hint\">(Apple / Outlook / webcal)</span></a>\n");
        html.Append("<a id=\"subscribe-google\" class=\"button secondary\" target=\"_blank\" rel=\"noopener noreferrer\"").Append(HtmlText.Attribute("href", links.GoogleUrl))
            .Append(">添加到 Google 日历 Add to Google Calendar</a>\n");
        html.Append("<a id=\"subscribe-outlook\" class=\"button secondary\" target=\"_blank\" rel=\"noopener noreferrer\"").Append(HtmlText.Attribute("href", links.OutlookUrl))
            .Append(">添加到 Outlook Add to Outlook</a>\n");
        html.Append("</div>\n<label class=\"label\" for=\"feed-url\">订阅链接 Feed URL</label>\n<div class=\"copy-row\">\n");
        html.Append("<input id=\"feed-url\" type=\"text\" readonly spellcheck=\"false\"").Append(HtmlText.Attribute("value", links.FeedUrl)).Append(">\n");
        html.Append("<button id=\"copy-feed-url\" class=\"button\" type=\"button\">复制链接 Copy link</button>\n</div>\n");
        html.Append("<p id=\"copy-status\" class=\"meta\" role=\"status\" aria-live=\"polite\"></p>\n");
        if (box.HasToken)
        {
            html.Append("<p class=\"warning\">此链接含个人访问令牌，请勿转发。 This link holds a personal access token: do not pass it on.</p>\n");
        }
        html.Append("</div>\n<figure class=\"qr\">\n");
        // The webcal:// link, not the https one: a phone's camera hands webcal:// to the calendar app, which subscribes;
        // an https link would open the raw feed in the browser, or download it as a one-off import.
        html.Append("<img id=\"qr\" width=\"176\" height=\"176\"").Append(HtmlText.Attribute("src", QrCode.SvgDataUrl(links.WebcalUrl)))
            .Append(" alt=\"订阅二维码 QR code of the webcal:// subscribe link\">\n");
        html.Append("<figcaption>手机扫码订阅<br>Scan with your phone to subscribe</figcaption>\n</figure>\n</div>\n</section>\n");
    }

    private const string Styles = """

:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--accent:#0b5cad;--accent-soft:#e8f1fb;--bg:#f4f6f9;--red:#9b1c1c;--red-soft:#fdecec}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
a{color:var(--accent)}
.page{max-width:980px;margin:0 auto;padding:24px 16px 40px}
.masthead h1{margin:0 0 6px;font-size:1.7rem;line-height:1.3;overflow-wrap:anywhere}
.masthead .badges{margin:0 0 6px}
.back{margin:0 0 10px;font-size:.9rem}
.meta{color:var(--muted);font-size:.9rem;margin:4px 0}
.prose{white-space:pre-line;overflow-wrap:break-word;margin:8px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:18px 0}
h2{font-size:1.2rem;margin:0 0 10px}
.en{color:var(--muted);font-weight:normal}
.label{display:block;font-size:.85rem;color:var(--muted);margin:12px 0 4px}
.subscribe-body{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.subscribe-links{flex:1 1 380px;min-width:0}
.buttons{display:flex;flex-wrap:wrap;gap:8px}
.button{display:inline-block;padding:8px 14px;border-radius:6px;background:var(--accent);color:#fff;text-decoration:none;font:inherit;font-size:.92rem;font-weight:600;border:1px solid var(--accent);cursor:pointer;line-height:1.4}
.button .hint{font-weight:normal;opacity:.85}
.button.secondary{background:#fff;color:var(--accent)}
.button:hover,.button:focus{filter:brightness(1.1)}
.copy-row{display:flex;gap:8px}
.copy-row input{flex:1;min-width:0;font:.85rem ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;padding:8px;border:1px solid var(--line);border-radius:6px;background:#f8fafc;color:var(--ink)}
.warning{color:var(--red);font-size:.85rem;margin:6px 0 0}
.qr{margin:0;text-align:center;flex:0 0 auto}
.qr img{display:block;width:176px;height:176px;border:1px solid var(--line);border-radius:6px;background:#fff}
.qr figcaption{font-size:.8rem;color:var(--muted);margin-top:4px}
.badge{display:inline-block;font-size:.78rem;line-height:1.4;padding:1px 7px;border-radius:4px;background:#e4e7eb;color:#323f4b;vertical-align:middle;margin-right:4px;white-space:nowrap}
.badge.kind{background:var(--accent-soft);color:var(--accent)}
.badge.status-cancelled{background:var(--red-soft);color:var(--red)}
.badge.status-tentative{background:#fff4e5;color:#8a4b00}
.cancelled-banner{background:var(--red-soft);color:var(--red);border:1px solid #f5b5b5;padding:10px 14px;border-radius:8px;font-weight:600;margin:12px 0}
.day{margin:0 0 8px}
.day h3{font-size:1.05rem;margin:22px 0 6px;padding-bottom:4px;border-bottom:2px solid var(--accent)}
.day h3 .en{margin-left:.6em;font-size:.9rem}
.items{list-style:none;margin:0;padding:0}
.item{display:grid;grid-template-columns:10rem 1fr;gap:2px 18px;padding:10px 0;border-bottom:1px solid var(--line)}
.item:last-child{border-bottom:0}
.time{font-variant-numeric:tabular-nums;font-weight:600;white-space:nowrap}
.time .local{display:block;font-weight:normal;color:var(--muted);font-size:.82rem;white-space:normal}
.item-title{font-weight:600;overflow-wrap:break-word}
.what{min-width:0}
.detail{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
.detail .field{color:var(--ink)}
.is-cancelled .item-title,.is-cancelled .time{text-decoration:line-through;color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.notice{border-left:4px solid var(--accent,#b45309);padding:.4em .8em;margin:.5em 0 1em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{color:var(--muted);font-size:.9rem}
dl.facts dd{margin:0;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word;hyphens:manual}
table.participants th,table.participants td.name{white-space:nowrap}
details>summary{cursor:pointer}
details>summary h2{display:inline;margin:0}
details[open]>summary{margin-bottom:10px}
.count{color:var(--muted);font-weight:normal}
thead th{background:#eef2f7;font-size:.85rem;line-height:1.3}
th .en{display:block;font-size:.75rem}
td.date,td.time-cell{white-space:nowrap;font-variant-numeric:tabular-nums}
td.date .en,td.time-cell .zone{display:block;font-size:.78rem;color:var(--muted)}
tr.day-start td{border-top:2px solid #9fb3c8}
tr.day-start td.date{font-weight:600}
tr.same-day td.date{color:var(--muted)}
table.itinerary th:nth-child(1),table.itinerary th:nth-child(2){width:12%}
table.itinerary th:nth-child(3){width:30%}
table.itinerary th:nth-child(4){width:18%}
table.itinerary th:nth-child(5){width:12%}
table.itinerary th:nth-child(6){width:16%}
.footer{color:var(--muted);font-size:.8rem;margin-top:28px}
.error-page{margin-top:32px}
.error-page h1{margin:0 0 12px;font-size:1.5rem;line-height:1.35}
.error-page h1 .en{display:block;font-size:1.1rem}
.error-status{margin:0 0 6px;color:var(--red);font-weight:600;font-size:.9rem}
#error-advice{padding-left:1.2em}
@media (max-width:640px){
.page{padding:16px 10px 32px}
.card{padding:12px 12px}
.copy-row{flex-wrap:wrap}
.copy-row input{flex:1 1 100%}
.masthead h1{font-size:1.4rem}
.item{grid-template-columns:1fr}
.qr{margin:0 auto}
table.itinerary thead{display:none}
table.itinerary,table.itinerary tbody{display:block;width:100%}
table.itinerary tr{display:grid;grid-template-columns:minmax(0,1fr) auto;border:1px solid var(--line);border-radius:8px;margin:0 0 10px;padding:6px 0;background:#fff}
table.itinerary tr.day-start td{border-top:0}
table.itinerary td{display:block;grid-column:1 / -1;min-width:0;border:0;padding:2px 10px;white-space:normal}
table.itinerary td.date{grid-column:1}
table.itinerary td.time-cell{grid-column:2;text-align:right;font-weight:600}
table.itinerary td::before{content:attr(data-label);margin-right:.5em;font-size:.75rem;font-weight:normal;color:var(--muted)}
table.itinerary td.date::before,table.itinerary td.time-cell::before,table.itinerary td.item-title::before{content:none}
table.itinerary td:empty{display:none}
table.participants thead{display:none}
table.participants,table.participants tbody{display:block;width:100%}
table.participants tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 10px;padding:8px 2px;border-bottom:1px solid var(--line)}
table.participants tr:last-child{border-bottom:0}
table.participants td{display:block;border:0;padding:0;min-width:0;max-width:100%;white-space:normal}
table.participants td.name{font-weight:600}
table.participants td.role{order:1;color:var(--accent);font-size:.88rem}
table.participants td.title,table.participants td.organization{order:2;flex:1 0 100%;color:var(--muted);font-size:.9rem}
table.participants td:empty{display:none}
}
@media print{
@page{size:A4;margin:14mm 12mm}
body{background:#fff;color:#000;font-size:10.5pt;line-height:1.45}
.page{max-width:none;padding:0}
#subscribe,.subscribe,.buttons,.button,button,.back,.no-print{display:none!important}
.card{border:0;border-radius:0;padding:0;margin:10px 0}
a{color:inherit;text-decoration:none}
.badge{border:1px solid #999;background:#fff!important;color:#000!important}
.day h3{border-bottom-color:#000;break-after:avoid}
h2,h3{break-after:avoid}
.item,tr{break-inside:avoid}
thead{display:table-header-group}
tr.same-day td.date{color:inherit}
table.participants th,table.participants td{padding:3px 6px;font-size:9pt}
details::details-content{content-visibility:visible;display:contents}
details>summary{list-style:none;cursor:auto}
details>summary::-webkit-details-marker{display:none}
thead th{background:#eee}
th,td{border-color:#888}
.detail,.meta,.en,.footer{color:#333}
}

""";

    private const string Script = """

// Printing opens folded lists (the participants), so a printout shows everyone; afterwards they fold again. The
// style sheet does the same where the browser supports ::details-content; this covers the others.
(function () {
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.setAttribute('data-opened-for-print', ''); d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    document.querySelectorAll('details[data-opened-for-print]').forEach(function (d) { d.removeAttribute('data-opened-for-print'); d.open = false; });
  });
})();

(function () {
  var button = document.getElementById('copy-feed-url');
  var input = document.getElementById('feed-url');
  var status = document.getElementById('copy-status');
  if (!button || !input) return;
  function say(text) { if (status) status.textContent = text; }
  function manual() {
    try {
      input.focus();
      input.select();
      if (document.queryCommandSupported && document.queryCommandSupported('copy') && document.execCommand('copy')) { say('已复制 Copied'); return; }
    } catch (e) { }
    say('请按 Ctrl+C 复制 Press Ctrl+C to copy');
  }
  input.addEventListener('focus', function () { try { input.select(); } catch (e) { } });
  button.addEventListener('click', function () {
    try {
      if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(function () { say('已复制 Copied'); }, manual);
      } else {
        manual();
      }
    } catch (e) {
      manual();
    }
  });
})();

""";
}
