// The widget's own styles (inside its shadow root), light and dark.
export const WIDGET_CSS = `
:host { display: block; position: relative; min-height: 320px; font: 14px/1.4 system-ui, sans-serif; }
.root { --bg: #ffffff; --fg: #1d2330; --muted: #4f5a6d; --line: #d4dae3; --accent: #1d4ed8;
        --button: #f3f5f9; display: flex; flex-direction: column; height: 100%;
        background: var(--bg); color: var(--fg); }
.root[data-theme="dark"] { --bg: #111827; --fg: #e5e7eb; --muted: #a8b1c2; --line: #374151;
        --accent: #93c5fd; --button: #1f2937; }
.bar { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 6px 8px; border-bottom: 1px solid var(--line); }
.legend { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center;
          gap: 2px 10px; font-size: 12px; }
.legend legend { float: left; font-weight: 600; margin-right: 8px; padding: 0; }
.legend .items { display: contents; }
.legend label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; white-space: nowrap; }
.legend input { margin: 0; accent-color: var(--accent); }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; }
.count { color: var(--muted); }
.canvas { flex: 1; min-height: 320px; position: relative; outline: none; }
.canvas:focus-visible { box-shadow: inset 0 0 0 3px var(--accent); }
.keys { margin: 0; padding: 2px 8px; font-size: 12px; color: var(--muted); }
.more { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 8px; }
.more:empty { display: none; }
button { font: inherit; font-size: 12px; color: var(--fg); background: var(--button);
         border: 1px solid var(--line); border-radius: 4px; padding: 3px 8px; cursor: pointer; }
button:focus-visible, summary:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
button:disabled { color: var(--muted); cursor: default; }
.status { margin: 0; padding: 2px 8px; font-size: 12px; color: var(--muted); min-height: 1.4em; }
.status.error { color: #b91c1c; }
.root[data-theme="dark"] .status.error { color: #fca5a5; }
.list { border-top: 1px solid var(--line); padding: 4px 8px; font-size: 13px; max-height: 220px; overflow: auto; }
.list summary { cursor: pointer; color: var(--fg); }
.list ul.nodes { padding-left: 16px; }
.list ul ul { color: var(--muted); font-size: 12px; }
.list .kind { color: var(--muted); font-size: 12px; }
.list button { border: 0; background: none; color: var(--accent); padding: 0 2px; text-decoration: underline; }
.list button.small { font-size: 11px; }
`;
