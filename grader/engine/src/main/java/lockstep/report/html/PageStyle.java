package lockstep.report.html;

/**
 * The frame of a self-contained page: the head with its viewport and inline style sheet (light and dark, one
 * column on a phone), and the foot. Shared by every HTML page Lockstep writes, so they look alike.
 */
public final class PageStyle {

    private static final String CSS = """
            :root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --card: #f6f8fa;
              --line: #d0d7de; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --off: #6e7781; --bar: #e6e9ed; }
            @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117;
              --card: #161b22; --line: #30363d; --ok: #3fb950; --bad: #f85149; --warn: #d29922; --off: #8b949e;
              --bar: #21262d; } }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
              font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
            h1 { font-size: 1.5rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
            h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
            .score { font-size: 1.25rem; margin: 0; } .score strong { font-size: 2.25rem; }
            .meta, .points { color: var(--muted); }
            a { color: inherit; }
            .bars { display: grid; gap: 0.5rem; margin: 1rem 0; }
            .bar-row { display: grid; grid-template-columns: 5rem 1fr auto auto; gap: 0.75rem; align-items: center;
              text-decoration: none; }
            .bar { display: block; height: 0.9rem; background: var(--bar); border-radius: 0.45rem; overflow: hidden; }
            .fill { display: block; height: 100%; background: var(--ok); }
            .badge { display: inline-block; padding: 0 0.5rem; border-radius: 1rem; font-size: 0.85rem;
              border: 1px solid currentColor; white-space: nowrap; }
            .ok { color: var(--ok); } .bad { color: var(--bad); }
            .warn { color: var(--warn); } .off { color: var(--off); }
            .alert { border-left: 4px solid var(--bad); padding: 0.25rem 0.75rem; background: var(--card); }
            .tests { list-style: none; padding: 0; margin: 0; }
            .test { border-top: 1px solid var(--line); padding: 0.5rem 0; }
            .test-name { overflow-wrap: anywhere; }
            .evidence { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0; overflow-wrap: anywhere; }
            pre { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem;
              overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; margin: 0.5rem 0; }
            pre.code { white-space: pre; overflow-wrap: normal; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .table-scroll { overflow-x: auto; }
            svg { width: 100%; height: auto; display: block; }
            svg text { fill: var(--fg); font: 13px system-ui, sans-serif; }
            .svg-ok { fill: var(--ok); } .svg-bad { fill: var(--bad); } .svg-off { fill: var(--off); }
            .svg-track { fill: var(--bar); } .svg-axis { stroke: var(--line); }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
            dd { margin: 0; overflow-wrap: anywhere; }
            @media (max-width: 32rem) { .bar-row { grid-template-columns: 4rem 1fr auto; }
              .bar-row .badge { grid-column: 2 / 4; justify-self: start; } }
            """;

    private PageStyle() {
    }

    /** The page up to and including the opening {@code <main>}, with {@code title} escaped. */
    public static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HtmlText.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n"
                + "<body>\n<main>\n";
    }

    /** The page from the closing {@code </main>} on. */
    public static String foot() {
        return "</main>\n</body>\n</html>\n";
    }
}
