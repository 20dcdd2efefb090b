using Microsoft.Playwright;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// What a person would see of a page, measured in the browser: how wide the document is, which cells are cut off or
/// pushed out of sight, where an element starts, and which words a line break split.
/// </summary>
internal static class PageGeometry
{
    /// <summary>The document's scroll width in CSS pixels: wider than the viewport means the page scrolls sideways.</summary>
    public static Task<int> DocumentWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>The document's height in CSS pixels.</summary>
    public static Task<int> DocumentHeightAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

    /// <summary>The top of the first element matching <paramref name="selector"/>, from the top of the document.</summary>
    public static Task<double> TopAsync(IPage page, string selector) =>
        page.EvaluateAsync<double>("s => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector);

    /// <summary>
    /// The cells matching <paramref name="selector"/> that hold text but do not show all of it within 0..<paramref name="width"/>:
    /// hidden, sticking out of the viewport, or clipped inside their own box. Each is described as "text: why".
    /// </summary>
    public static Task<string[]> HiddenCellsAsync(IPage page, string selector, int width) => page.EvaluateAsync<string[]>("""
        ([selector, width]) => [...document.querySelectorAll(selector)]
          .filter(cell => cell.textContent.trim().length > 0)
          .map(cell => {
            const box = cell.getBoundingClientRect();
            const why = [];
            if (!cell.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) why.push('not visible');
            if (box.width === 0 || box.height === 0) why.push('no size');
            if (box.left < -0.5 || box.right > width + 0.5) why.push(`spans ${Math.round(box.left)}..${Math.round(box.right)} px`);
            if (cell.scrollWidth > cell.clientWidth + 1) why.push(`clipped: ${cell.scrollWidth} px of text in ${cell.clientWidth} px`);
            return why.length ? `${cell.textContent.trim()}: ${why.join(', ')}` : null;
          })
          .filter(x => x !== null)
        """, new object[] { selector, width });

    /// <summary>
    /// Occurrences of <paramref name="words"/> inside the elements matching <paramref name="selector"/> that a line break
    /// split (their text spans more than one line box). An empty answer means every such word was laid out whole.
    /// </summary>
    public static Task<string[]> SplitWordsAsync(IPage page, string selector, IReadOnlyList<string> words) => page.EvaluateAsync<string[]>("""
        ([selector, words]) => {
          const split = [];
          for (const element of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const word of words) {
                for (let at = node.data.indexOf(word); at >= 0; at = node.data.indexOf(word, at + 1)) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + word.length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size !== 1) split.push(`${word} over ${lines.size} lines in "${node.data.trim()}"`);
                }
              }
            }
          }
          return split;
        }
        """, new object[] { selector, words });
}
