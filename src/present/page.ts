import type { PresentInput } from "./engine.js";

/** Text safe inside a <script> element: no "</script" or "<!--" can close or confuse it. */
const scriptSafe = (js: string) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The model parameters the sliders move: path, label, range and step. */
export const SLIDERS = [
  { path: "effects.strong", label: "A strong word lifts by (spots)", min: 0, max: 40, step: 1 },
  { path: "effects.positive", label: "A positive word lifts by (spots)", min: 0, max: 30, step: 1 },
  { path: "preInterview.callProbability", label: "Chance of a call before invitations", min: 0, max: 1, step: 0.05 },
  { path: "rankList.callProbability.borderline", label: "Chance of a call about a borderline applicant", min: 0, max: 1, step: 0.05 },
  { path: "ripple.sameRegion", label: "Ripple to programs in the same region", min: 0, max: 1, step: 0.05 },
] as const;

const CSS = `
:root { --ink: #111; --paper: #fff; --line: #555; --good: #0a5a2a; --bad: #8a1010; --lit: #b35900; --soft: #eee; }
* { box-sizing: border-box; }
body { margin: 0; font: 22px/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--paper); }
main { padding: 16px 24px; max-width: 100%; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 8px 0; }
.desc { white-space: pre-wrap; margin: 0 0 8px; max-height: 5.8em; overflow: auto; }
nav, .stepbar, .controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; }
button, input, select { font: inherit; }
button { padding: 6px 16px; border: 2px solid var(--ink); background: var(--paper); border-radius: 6px; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 4px solid var(--lit); outline-offset: 2px; }
input[type=number] { width: 6em; padding: 4px; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
#step { border: 2px solid var(--line); border-radius: 8px; padding: 12px 16px; min-height: 12em; }
#step ul { margin: 0; padding-left: 1.1em; }
.good { color: var(--good); font-weight: 700; }
.good::before { content: "▲ "; }
.bad { color: var(--bad); font-style: italic; font-weight: 700; }
.bad::before { content: "▼ "; }
.strong { font-weight: 700; }
table { border-collapse: collapse; margin-top: 8px; }
th, td { border: 1px solid var(--line); padding: 2px 10px; text-align: left; }
th { background: var(--soft); }
#network { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; }
#network line { stroke: #999; stroke-width: 1.5; }
#network line.knows { stroke-dasharray: 4 4; }
#network line.lit { stroke: var(--lit); stroke-width: 6; stroke-dasharray: none; }
#network circle { fill: var(--paper); stroke: var(--ink); stroke-width: 2; }
#network circle.director { fill: #ccc; }
#network circle.applicant { fill: var(--ink); }
#network circle.lit { stroke: var(--lit); stroke-width: 6; }
#network text { font-size: 30px; fill: var(--ink); }
#calls { list-style: none; padding: 0; margin: 0; }
#calls li { margin: 4px 0; }
#calls input { width: 1.2em; height: 1.2em; vertical-align: middle; }
.off { text-decoration: line-through; }
.sliders { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 24px; }
.sliders label { display: block; }
.sliders input[type=range] { width: 100%; }
progress { width: 16em; height: 1.2em; }
.legend { font-size: 0.85em; }
`;

/** The page's own script: renders the engine's steps, switches calls, runs the sliders. */
const SCRIPT = String.raw`
(function () {
  const input = JSON.parse(document.getElementById("present-input").textContent);
  const engineSource = document.getElementById("engine").textContent;
  const session = MatchSimEngine.openSession(input);
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k);
    return e;
  };
  const state = { trial: 0, without: [], steps: [], at: 0, model: null, known: new Map() };

  function spans(line) {
    const frag = document.createDocumentFragment();
    for (const s of line) frag.append(s.tone && s.tone !== "plain" ? el("span", { class: s.tone, text: s.text }) : document.createTextNode(s.text));
    return frag;
  }

  function renderStep() {
    const step = state.steps[state.at];
    const box = $("step");
    box.replaceChildren();
    box.dataset.phase = step.phase;
    box.append(el("h2", { text: step.title }));
    const ul = el("ul");
    for (const line of step.lines) ul.append(el("li", {}, spans(line)));
    box.append(ul);
    if (step.table) {
      const table = el("table");
      table.append(el("tr", {}, ...step.table.head.map((h) => el("th", { scope: "col", text: h }))));
      for (const row of step.table.rows) table.append(el("tr", {}, ...row.map((c) => el("td", { text: c }))));
      box.append(table);
    }
    $("step-count").textContent = "Step " + (state.at + 1) + " of " + state.steps.length;
    $("back").disabled = state.at === 0;
    $("next").disabled = state.at === state.steps.length - 1;
    light(step.tie);
  }

  function go(delta) {
    state.at = Math.max(0, Math.min(state.steps.length - 1, state.at + delta));
    renderStep();
  }

  function rerun(keepStep) {
    const model = session.trace(state.trial, state.without);
    state.model = model;
    state.steps = session.steps(model);
    for (const e of model.events) if (e.call && e.kind !== "insincerity-caught" && e.kind !== "ripple") {
      if (!state.known.has(e.call.id)) state.known.set(e.call.id, e.kind.replace("-call", "") + ": " + (model.labels.programs[e.call.program] || e.call.program) + " about " + (model.labels.applicants[e.call.applicant] || e.call.applicant));
    }
    state.at = keepStep ? Math.min(state.at, state.steps.length - 1) : 0;
    renderCalls();
    renderStep();
    const changed = model.match.filter((x) => x.withCalls !== x.withoutCalls).length;
    $("trial-note").textContent = "Trial " + state.trial + ": " + model.summary.calls + " call" + (model.summary.calls === 1 ? "" : "s") + ", " + changed + " match" + (changed === 1 ? "" : "es") + " changed" + (state.without.length ? "; switched off: " + state.without.join(", ") : "");
  }

  function renderCalls() {
    const list = $("calls");
    list.replaceChildren();
    if (state.known.size === 0) list.append(el("li", { text: "No calls in this season." }));
    for (const [id, text] of state.known) {
      const on = !state.without.includes(id);
      const box = el("input", { type: "checkbox", "data-call": id });
      box.checked = on;
      box.addEventListener("change", () => {
        state.without = box.checked ? state.without.filter((x) => x !== id) : [...state.without, id];
        rerun(true);
        const again = document.querySelector('#calls input[data-call="' + CSS.escape(id) + '"]');
        if (again) again.focus();
      });
      list.append(el("li", {}, el("label", { class: on ? "" : "off" }, box, " " + text + " ", el("code", { text: id }))));
    }
  }

  // The network: directors on the outer ring, other referrers inside it, applicants at the centre.
  const net = session.network();
  const pos = new Map();
  (function layout() {
    const W = 900, H = 640, cx = W / 2, cy = H / 2;
    const rings = [["director", 280], ["referrer", 190], ["applicant", 95]];
    for (const [kind, r] of rings) {
      const nodes = net.nodes.filter((n) => n.kind === kind);
      nodes.forEach((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
        pos.set(n.id, [cx - 60 + r * Math.cos(a) * 1.25, cy + r * Math.sin(a)]);
      });
    }
    const svg = $("network");
    const ns = "http://www.w3.org/2000/svg";
    const make = (tag, attrs) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
    for (const e of net.edges) {
      const p = pos.get(e.a), q = pos.get(e.b);
      if (!p || !q) continue;
      svg.append(make("line", { x1: p[0], y1: p[1], x2: q[0], y2: q[1], class: e.kind, "data-a": e.a, "data-b": e.b }));
    }
    for (const n of net.nodes) {
      const [x, y] = pos.get(n.id);
      const g = make("g", { "data-id": n.id });
      g.append(make("circle", { cx: x, cy: y, r: n.kind === "applicant" ? 7 : 10, class: n.kind }));
      const label = make("text", { x: x + 12, y: y + 5 });
      label.textContent = n.label;
      g.append(label);
      svg.append(g);
    }
  })();

  function light(tie) {
    for (const e of document.querySelectorAll("#network .lit")) e.classList.remove("lit");
    if (!tie) return;
    const [a, b] = tie;
    for (const line of document.querySelectorAll("#network line")) {
      const da = line.getAttribute("data-a"), db = line.getAttribute("data-b");
      if ((da === a && db === b) || (da === b && db === a)) line.classList.add("lit");
    }
    for (const id of tie) {
      const c = document.querySelector('#network g[data-id="' + CSS.escape(id) + '"] circle');
      if (c) c.classList.add("lit");
    }
  }

  function showTrial(t) {
    state.trial = Math.max(0, t | 0);
    state.without = [];
    state.known = new Map();
    $("trial").value = String(state.trial);
    rerun(false);
  }

  $("back").addEventListener("click", () => go(-1));
  $("next").addEventListener("click", () => go(1));
  $("go").addEventListener("click", () => showTrial(Number($("trial").value)));
  $("next-changed").addEventListener("click", () => {
    const t = session.nextChanged(state.trial, 2000);
    if (t === undefined) $("trial-note").textContent = "No call changes a match in the next 2,000 trials.";
    else showTrial(t);
  });
  document.addEventListener("keydown", (ev) => {
    const tag = ev.target && ev.target.tagName;
    if (tag === "INPUT" && ev.target.type !== "checkbox") return;
    if (ev.key === "ArrowRight" || ev.key === "PageDown") { go(1); ev.preventDefault(); }
    if (ev.key === "ArrowLeft" || ev.key === "PageUp") { go(-1); ev.preventDefault(); }
  });

  // Sliders: a few hundred seasons in a Web Worker built from the same engine.
  const sliders = Array.from(document.querySelectorAll(".sliders input[type=range]"));
  for (const s of sliders) s.addEventListener("input", () => { document.getElementById(s.id + "-value").textContent = s.value; });
  function settings() {
    return sliders.filter((s) => Number(s.value) !== Number(s.dataset.initial)).map((s) => s.dataset.path + "=" + s.value);
  }
  function showOutcome(out) {
    window.presenter.lastRun = out;
    const table = $("pmatch");
    table.replaceChildren(el("caption", { text: out.runs + " seasons" + (out.settings.length ? " with " + out.settings.join(", ") : " with the file's parameters") }));
    table.append(el("tr", {}, el("th", { scope: "col", text: "applicant" }), el("th", { scope: "col", text: "P(match) with calls" }), el("th", { scope: "col", text: "without calls" })));
    for (const a of out.applicants) table.append(el("tr", { "data-applicant": a.id }, el("td", { text: a.label }), el("td", { text: (a.pMatch * 100).toFixed(1) + "%" }), el("td", { text: (a.pMatchWithoutCalls * 100).toFixed(1) + "%" })));
    $("run").disabled = false;
    $("run-status").textContent = "Done.";
  }
  let worker = null;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([engineSource + "\n" + document.getElementById("worker-src").textContent], { type: "text/javascript" })));
  } catch (e) {
    worker = null;
  }
  $("run").addEventListener("click", () => {
    const runs = Math.max(10, Math.min(5000, Number($("runs").value) | 0));
    const chosen = settings();
    $("run").disabled = true;
    $("progress").value = 0;
    $("run-status").textContent = "Running…";
    const done = (out) => showOutcome({ ...out, settings: chosen });
    if (worker) {
      worker.onmessage = (m) => {
        if (m.data.progress !== undefined) $("progress").value = m.data.progress;
        if (m.data.outcome) done(m.data.outcome);
        if (m.data.error) { $("run-status").textContent = m.data.error; $("run").disabled = false; }
      };
      worker.postMessage({ input, settings: chosen, runs });
    } else {
      setTimeout(() => done(session.simulate(chosen, runs, (d, n) => { $("progress").value = d / n; })), 0);
    }
  });

  window.presenter = {
    trace: () => state.model,
    steps: () => state.steps,
    showTrial,
    lastRun: null,
  };
  showTrial(0);
})();
`;

/** The worker's side: runs seasons for the sliders and reports progress. */
const WORKER = String.raw`
self.onmessage = function (m) {
  try {
    const session = MatchSimEngine.openSession(m.data.input);
    const outcome = session.simulate(m.data.settings, m.data.runs, function (done, total) { self.postMessage({ progress: done / total }); });
    self.postMessage({ outcome: outcome });
  } catch (e) {
    self.postMessage({ error: String(e && e.message || e) });
  }
};
`;

/**
 * The presenter: one self-contained HTML page with the engine inlined (no network), the
 * scenario's text, and the page's script.
 */
export function presentHtml(engineJs: string, input: PresentInput, meta: { name: string; description: string; model: Record<string, unknown> }): string {
  const valueAt = (path: string): number => {
    let x: unknown = meta.model;
    for (const k of path.split(".")) x = (x as Record<string, unknown> | undefined)?.[k];
    return typeof x === "number" ? x : 0;
  };
  const sliders = SLIDERS.map((s) => {
    const id = `slider-${s.path.replace(/\./g, "-")}`;
    const v = valueAt(s.path);
    return `<label for="${id}">${esc(s.label)}: <strong id="${id}-value">${v}</strong></label><input type="range" id="${id}" min="${s.min}" max="${s.max}" step="${s.step}" value="${v}" data-initial="${v}" data-path="${s.path}">`;
  });
  const json = JSON.stringify(input).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.name)}: a season step by step</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(meta.name)}</h1>
${meta.description === "" ? "" : `<p class="desc">${esc(meta.description)}</p>`}
</header>
<nav aria-label="Trials">
<label for="trial">Trial</label><input id="trial" type="number" min="0" value="0">
<button id="go" type="button">Show this trial</button>
<button id="next-changed" type="button">Next trial where a call changes a match</button>
<span id="trial-note" role="status"></span>
</nav>
<div class="layout">
<section aria-label="The season, step by step">
<div class="stepbar"><button id="back" type="button">← Back</button><span id="step-count"></span><button id="next" type="button">Next →</button>
<span class="legend">Arrow keys step too. ▲ helped by a call, ▼ hurt by one.</span></div>
<article id="step" aria-live="polite"></article>
</section>
<aside aria-label="Who knows whom, and the calls">
<h2>Who knows whom</h2>
<svg id="network" viewBox="0 0 900 640" role="img" aria-label="Directors on the outer ring, other referrers inside, applicants at the centre; solid lines are ties, dashed lines who knows an applicant; the tie a call went through is lit"></svg>
<h2>This season's calls: switch one off</h2>
<ul id="calls"></ul>
</aside>
</div>
<section aria-labelledby="whatif">
<h2 id="whatif">What if the calls were stronger, or rarer?</h2>
<div class="sliders">${sliders.join("\n")}</div>
<div class="controls"><label for="runs">Seasons</label><input id="runs" type="number" min="10" max="5000" value="300">
<button id="run" type="button">Run the seasons</button>
<progress id="progress" max="1" value="0" aria-label="Progress"></progress><span id="run-status" role="status"></span></div>
<table id="pmatch"></table>
</section>
</main>
<script type="application/json" id="present-input">${json}</script>
<script id="engine">${scriptSafe(engineJs)}</script>
<script type="text/plain" id="worker-src">${scriptSafe(WORKER)}</script>
<script>${scriptSafe(SCRIPT)}</script>
</body>
</html>
`;
}
