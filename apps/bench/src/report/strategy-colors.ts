import { escapeHtml } from "./escape-html.js";

/** Bar colour of each strategy in charts; the caller API is drawn lighter. */
export const STRATEGY_COLORS: Readonly<Record<string, string>> = {
  raw: "#7f7f7f",
  baseline: "#d62728",
  funcstorage: "#1f77b4",
  "store-amortized": "#2ca02c",
  "typed-func": "#9467bd",
  runtime: "#ff7f0e",
};

/** The colour of `strategy`'s bars (dark grey for a strategy without one). */
export function strategyColor(strategy: string): string {
  return STRATEGY_COLORS[strategy] ?? "#444";
}

/** The legend of the colours, as HTML: a swatch and a name for each strategy. */
export function colorLegend(): string {
  const items = Object.entries(STRATEGY_COLORS).map(
    ([name, color]) => `<span><i style="background:${color}"></i>${escapeHtml(name)}</span>`,
  );
  items.push(
    `<span><i style="background:#888;opacity:.5"></i>lighter: through the uniform Caller</span>`,
  );
  return items.join("");
}
