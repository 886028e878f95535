/** The CSS of the HTML report (and of the web page's charts). */
export const REPORT_STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1240px; color: #222; padding: 0 12px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 0; }
.meta, .summary { color: #555; margin: 2px 0 8px; }
ul.runtimes { color: #444; font-size: 13px; margin: 4px 0 8px; padding-left: 18px; }
table.goals { border-collapse: collapse; margin: 8px 0 16px; }
table.goals td { padding: 4px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }
.met { color: #1a7f37; font-weight: 600; } .missed { color: #c62828; font-weight: 600; }
.not-measured { color: #777; font-weight: 600; } .figures { color: #555; font-size: 12px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
svg text { font: 12px system-ui, sans-serif; fill: #222; }
svg .value { fill: #333; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; } svg .axis { fill: #777; font-size: 11px; }
table.compare, table.summary, table.goal-matrix { border-collapse: collapse; margin: 8px 0 12px; font-size: 12px; }
table.compare { table-layout: fixed; width: 100%; } table.compare th.first { width: 150px; }
table.compare th, table.summary th, table.goal-matrix th { font-weight: 600; padding: 3px 8px; text-align: center; border-bottom: 1px solid #ccc; }
table.compare th.first, table.summary th.first, table.goal-matrix th.first { text-align: left; font-weight: 400; white-space: nowrap; }
table.goal-matrix th.first { white-space: normal; max-width: 420px; }
th .version { color: #777; font-weight: 400; font-size: 11px; }
table.summary td, table.goal-matrix td { padding: 3px 8px; text-align: right; border-bottom: 1px solid #eee; font-variant-numeric: tabular-nums; }
table.goal-matrix td { text-align: center; }
td.cell { position: relative; min-width: 112px; padding: 3px 6px; border-bottom: 1px solid #eee; border-left: 1px solid #f2f2f2; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.cell .bar { position: absolute; left: 0; top: 3px; bottom: 3px; }
td.cell .num { position: relative; }
td.none { color: #aaa; text-align: center; }
.failures { color: #c62828; }
`;
