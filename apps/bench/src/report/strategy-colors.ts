import { escapeHtml } from "./escape-html.js";

/** Bar colour of each strategy in charts; some APIs are drawn lighter (see `apiOpacity`). */
export const STRATEGY_COLORS: Readonly<Record<string, string>> = {
  raw: "#7f7f7f",
  baseline: "#d62728",
  funcstorage: "#1f77b4",
  "store-amortized": "#2ca02c",
  "typed-func": "#9467bd",
  runtime: "#ff7f0e",
};

/**
 * How strongly a bar of each API is drawn, against 1 for a strategy's own API: lighter through
 * the uniform Caller, half-tone through closures and for the raw call's apply and spread.
 */
const API_OPACITY: Readonly<Record<string, number>> = {
  caller: 0.5,
  closures: 0.7,
  apply: 0.7,
  spread: 0.7,
};

/** The colour of `strategy`'s bars (dark grey for a strategy without one). */
export function strategyColor(strategy: string): string {
  return STRATEGY_COLORS[strategy] ?? "#444";
}

/** The opacity of a bar of `api`, from 0 to 1 (1 for an API drawn at full strength). */
export function apiOpacity(api: string): number {
  return API_OPACITY[api] ?? 1;
}

/** The legend of the colours, as HTML: a swatch and a name for each strategy. */
export function colorLegend(): string {
  const items = Object.entries(STRATEGY_COLORS).map(
    ([name, color]) => `<span><i style="background:${color}"></i>${escapeHtml(name)}</span>`,
  );
  items.push(
    `<span><i style="background:#888;opacity:.5"></i>lighter: through the uniform Caller</span>`,
    `<span><i style="background:#888;opacity:.7"></i>half-tone: closures (no generated code), raw apply and spread</span>`,
  );
  return items.join("");
}
