/** The page's own CSS, beside the report's. */
export const PAGE_STYLE = `
form fieldset { border: 1px solid #ddd; margin: 8px 0; padding: 6px 10px; }
form legend { font-weight: 600; }
form label { display: inline-block; margin: 2px 14px 2px 0; white-space: nowrap; }
.buttons { margin: 10px 0; } .buttons button { margin-right: 8px; padding: 4px 14px; font: inherit; }
#progress { width: 100%; height: 14px; }
#status { color: #444; margin: 4px 0 10px; min-height: 1.4em; }
#status[data-state="failed"] { color: #c62828; }
#status[data-state="done"] { color: #1a7f37; }
section .chart { overflow-x: auto; }
`;
