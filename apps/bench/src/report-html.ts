import { formatBytes, formatNs, formatRatio } from "./format.js";
import type { GoalStatus } from "./goals.js";
import type { Failure, Result } from "./results.js";
import type { Workload } from "./workloads/workload.js";

/** Bar colour of each strategy; the caller API is drawn lighter. */
const COLORS: Readonly<Record<string, string>> = {
  raw: "#7f7f7f",
  baseline: "#d62728",
  funcstorage: "#1f77b4",
  "store-amortized": "#2ca02c",
  "typed-func": "#9467bd",
  runtime: "#ff7f0e",
};

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1120px; color: #222; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 0; }
.meta, .summary { color: #555; margin: 2px 0 8px; }
table.goals { border-collapse: collapse; margin: 8px 0 16px; }
table.goals td { padding: 4px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }
.met { color: #1a7f37; font-weight: 600; } .missed { color: #c62828; font-weight: 600; }
.not-measured { color: #777; font-weight: 600; } .figures { color: #555; font-size: 12px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
svg text { font: 12px system-ui, sans-serif; fill: #222; }
svg .value { fill: #333; } svg .axis { fill: #777; font-size: 11px; }
.failures { color: #c62828; }
`;

const LABEL_WIDTH = 210;
const PLOT_WIDTH = 640;
const ROW_HEIGHT = 24;
const TOP = 22;

/**
 * The HTML report: a standalone page (inline CSS and SVG, nothing loaded from anywhere) with
 * the goals and a bar chart per workload: a bar per contestant (median ns per call, whisker
 * p25-p75), the raw call drawn as a dashed line (the floor), each bar labelled with its ns,
 * ratio to raw (to the baseline where there is no raw call) and bytes per call. `context` says where and how the run was made.
 */
export function htmlReport(
  context: string,
  workloads: readonly Workload[],
  results: readonly Result[],
  failures: readonly Failure[],
  goals: readonly GoalStatus[],
): string {
  const sections = workloads
    .map((w) => ({ w, rows: results.filter((r) => r.workload === w.name) }))
    .filter(({ rows }) => rows.length > 0)
    .map(
      ({ w, rows }) =>
        `<section><h2>${escapeHtml(w.name)}</h2><p class="summary">${escapeHtml(w.summary)}</p>${chart(rows)}</section>`,
    );
  const failed =
    failures.length === 0
      ? ""
      : `<h2>Not measured</h2><ul class="failures">${failures
          .map((f) => `<li>${escapeHtml(`${f.workload}/${f.strategy}/${f.api}: ${f.error}`)}</li>`)
          .join("")}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>wasmcall bench</title>
<style>${STYLE}</style>
</head>
<body>
<h1>wasmcall bench: the cost of a call, strategy by strategy</h1>
<p class="meta">${escapeHtml(context)}</p>
<p class="meta">Median ns per call, whisker p25–p75; dashed line: the raw JS API call (the floor); labels: ns, ratio to raw, bytes per call</p>
${goalTable(goals)}
<p class="legend">${legend()}</p>
${sections.join("\n")}
${failed}
</body>
</html>
`;
}

function goalTable(goals: readonly GoalStatus[]): string {
  const rows = goals.map((g) => {
    const cls = g.state.replace(" ", "-");
    return `<tr><td class="${cls}">${escapeHtml(g.state)}</td><td>${escapeHtml(g.goal)}<div class="figures">${escapeHtml(g.figures)}</div></td></tr>`;
  });
  return `<h2>Goals</h2><table class="goals">${rows.join("")}</table>`;
}

function legend(): string {
  const items = Object.entries(COLORS).map(
    ([name, color]) => `<span><i style="background:${color}"></i>${escapeHtml(name)}</span>`,
  );
  items.push(
    `<span><i style="background:#888;opacity:.5"></i>lighter: through the uniform Caller</span>`,
  );
  return items.join("");
}

/**
 * The bar chart of one workload's results. The scale fits every contestant but the baseline,
 * which is often a hundred times slower: a bar past the scale is cut, marked with a break and
 * labelled "off scale", so that the others stay readable beside the raw call.
 */
function chart(rows: readonly Result[]): string {
  const scaled = rows.filter((r) => r.strategy !== "baseline");
  const { max, intervals } = niceScale(
    Math.max(...(scaled.length > 0 ? scaled : rows).map((r) => r.timing.p75)),
  );
  const x = (ns: number) =>
    Math.round((LABEL_WIDTH + (Math.min(ns, max) / max) * PLOT_WIDTH) * 10) / 10;
  const height = TOP + rows.length * ROW_HEIGHT + 12;
  const parts: string[] = [];
  for (let i = 0; i <= intervals; i++) {
    const ns = (max * i) / intervals;
    parts.push(
      `<line x1="${x(ns)}" x2="${x(ns)}" y1="${TOP - 4}" y2="${height - 8}" stroke="#eee"/>`,
      `<text class="axis" x="${x(ns)}" y="${TOP - 8}" text-anchor="middle">${Number(ns.toPrecision(3))} ns</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const color = COLORS[r.strategy] ?? "#444";
    const opacity = r.api === "caller" ? 0.5 : 1;
    const offScale = r.nsPerCall > max;
    // Without a raw call (v128), the ratio to the baseline stands in.
    const ratio =
      r.ratioToRaw === null && r.ratioToBaseline !== null
        ? `${formatRatio(r.ratioToBaseline)} baseline`
        : `${formatRatio(r.ratioToRaw)} raw`;
    const label =
      `${formatNs(r.nsPerCall)} ns · ${ratio} · ${formatBytes(r.bytesPerCall)} B` +
      (offScale ? " (off scale)" : "");
    const end = x(r.nsPerCall);
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(`${r.strategy} · ${r.api}`)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${end - LABEL_WIDTH}" height="15" fill="${color}" fill-opacity="${opacity}"/>`,
    );
    if (offScale) {
      parts.push(
        `<path d="M${end - 14} ${y + 21} l6 -19 M${end - 8} ${y + 21} l6 -19" stroke="#fff" stroke-width="3"/>`,
      );
    } else {
      parts.push(
        `<line x1="${x(r.timing.p25)}" x2="${x(r.timing.p75)}" y1="${y + 11.5}" y2="${y + 11.5}" stroke="#222"/>`,
      );
    }
    parts.push(
      `<text class="value" x="${Math.max(end, x(r.timing.p75)) + 6}" y="${y + 15}">${escapeHtml(label)}</text>`,
    );
  });
  const raw = rows.find((r) => r.strategy === "raw");
  if (raw !== undefined) {
    const rx = x(raw.nsPerCall);
    parts.push(
      `<line x1="${rx}" x2="${rx}" y1="${TOP}" y2="${height - 8}" stroke="#000" stroke-dasharray="4 3"/>`,
      `<text class="axis" x="${rx + 3}" y="${height - 1}">raw</text>`,
    );
  }
  const width = LABEL_WIDTH + PLOT_WIDTH + 280;
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${parts.join("")}</svg>`;
}

/**
 * The axis for values up to `value`: its end, the smallest of 1, 2, 2.5, 5 or 10 times a power
 * of ten at or above `value`, and the number of intervals that gives round ticks.
 */
function niceScale(value: number): { max: number; intervals: number } {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5].find((s) => s * power >= value) ?? 10;
  return { max: step * power, intervals: step === 2 ? 4 : 5 };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
