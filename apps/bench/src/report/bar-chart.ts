import type { Result } from "../results.js";
import { escapeHtml } from "./escape-html.js";
import { formatBytes, formatNs, formatRatio } from "./format.js";
import { apiOpacity, strategyColor } from "./strategy-colors.js";

const LABEL_WIDTH = 210;
const PLOT_WIDTH = 640;
const ROW_HEIGHT = 24;
const TOP = 22;

/**
 * The bar chart (SVG) of one workload's results in one runtime: a bar per contestant (median
 * ns per call, whisker p25-p75; coloured by strategy, toned by API), each `rect` marked with
 * `data-strategy` and `data-api`, the direct raw call drawn as a dashed line (the floor), each
 * bar labelled with its ns, its ratio to raw (to the baseline where there is no raw call) and
 * its bytes per call where they were measured. The scale fits every contestant but the baseline, which is often a hundred times
 * slower: a bar past the scale is cut, marked with a break and labelled "off scale", so that
 * the others stay readable beside the raw call.
 */
export function barChart(rows: readonly Result[]): string {
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
  const labels: string[] = [];
  rows.forEach((r, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const offScale = r.nsPerCall > max;
    const end = x(r.nsPerCall);
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(`${r.strategy} · ${r.api}`)}</text>`,
      `<rect data-strategy="${escapeHtml(r.strategy)}" data-api="${escapeHtml(r.api)}" x="${LABEL_WIDTH}" y="${y + 4}" width="${end - LABEL_WIDTH}" height="15" fill="${strategyColor(r.strategy)}" fill-opacity="${apiOpacity(r.api)}"/>`,
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
    labels.push(
      `<text class="value" x="${Math.max(end, x(r.timing.p75)) + 6}" y="${y + 15}">${escapeHtml(barLabel(r, offScale))}</text>`,
    );
  });
  // The floor goes over the bars and under their labels, which a halo keeps readable.
  const raw = rows.find((r) => r.strategy === "raw" && r.api === "native");
  if (raw !== undefined) {
    const rx = x(raw.nsPerCall);
    parts.push(
      `<line x1="${rx}" x2="${rx}" y1="${TOP}" y2="${height - 8}" stroke="#000" stroke-dasharray="4 3"/>`,
      `<text class="axis" x="${rx + 3}" y="${height - 1}">raw</text>`,
    );
  }
  parts.push(...labels);
  const width = LABEL_WIDTH + PLOT_WIDTH + 280;
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${parts.join("")}</svg>`;
}

/** `9.00 ns · 3.00x raw · 0 B`, the ratio to the baseline where there is no raw call. */
function barLabel(r: Result, offScale: boolean): string {
  const ratio =
    r.ratioToRaw === null && r.ratioToBaseline !== null
      ? `${formatRatio(r.ratioToBaseline)} baseline`
      : `${formatRatio(r.ratioToRaw)} raw`;
  const bytes = r.bytesPerCall === null ? "" : ` · ${formatBytes(r.bytesPerCall)} B`;
  return `${formatNs(r.nsPerCall)} ns · ${ratio}${bytes}${offScale ? " (off scale)" : ""}`;
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
