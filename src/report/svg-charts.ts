// Charts as plain SVG strings: every chart has a title and a description (its text
// alternative), labelled axes with units, and marks told apart by shape as well as colour.
// Marks carry data-* attributes with the exact numbers, so tests can check what is drawn.

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;


/** Round ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((x) => x >= raw * 0.999)!;
  const n = Math.ceil(max / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Words of `text` in lines of at most `max` characters (a word longer than that stands alone). */
function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * Legend entries laid out left to right, wrapping to a new row rather than overlapping; a
 * label too long for a row is broken over lines.
 */
function legendRows(entries: readonly { mark: (x: number, y: number) => string; label: string }[], left: number, right: number): { svg: string; height: number } {
  const lineH = 20;
  // About 8.4 units per character at the tick size (15 px): wide enough for any glyph run.
  const perChar = 8.4;
  const maxChars = Math.floor((right - left - 28) / perChar);
  let x = left;
  let y = 14;
  let rowLines = 1;
  const parts: string[] = [];
  for (const e of entries) {
    const lines = wrapWords(e.label, maxChars);
    const w = 28 + Math.max(...lines.map((l) => l.length)) * perChar;
    if (x > left && x + w > right) {
      x = left;
      y += rowLines * lineH + 4;
      rowLines = 1;
    }
    const text = lines.map((l, i) => `<tspan x="${x + 20}" dy="${i === 0 ? 0 : lineH}">${esc(l)}</tspan>`).join("");
    parts.push(`<g class="entry" data-x="${x}" data-w="${w}">${e.mark(x + 7, y - 4)}<text x="${x + 20}" y="${y + 1}" class="tick">${text}</text></g>`);
    rowLines = Math.max(rowLines, lines.length);
    x += w + 12;
  }
  return { svg: `<g class="legend">${parts.join("")}</g>`, height: y + (rowLines - 1) * lineH + 8 };
}

function frame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return (
    `<svg id="${id}" class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" ` +
    `width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`
  );
}

function xAxis(x0: number, x1: number, y: number, label: string, ticks: number[], scale: (v: number) => number, format: (v: number) => string): string {
  const marks = ticks
    .map((t) => `<line x1="${scale(t)}" x2="${scale(t)}" y1="${y}" y2="${y + 5}" class="axis"/><text x="${scale(t)}" y="${y + 18}" class="tick" text-anchor="middle">${esc(format(t))}</text>`)
    .join("");
  return `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" class="axis"/>${marks}<text x="${(x0 + x1) / 2}" y="${y + 36}" class="axis-label" text-anchor="middle">${esc(label)}</text>`;
}

export interface DotRow {
  readonly label: string;
  readonly with: number;
  readonly lo: number;
  readonly hi: number;
  readonly without: number;
}

/** P(match) with calls (filled circle, with its interval) and without (hollow square), one row each. */
export function dotPlot(id: string, title: string, rows: readonly DotRow[]): string {
  const left = 150;
  const right = 760;
  const rowH = 22;
  const top = 30;
  const height = top + rows.length * rowH + 70;
  const x = (v: number) => left + v * (right - left);
  const body = rows
    .map((r, i) => {
      const y = top + i * rowH + rowH / 2;
      return (
        `<g class="row" data-label="${esc(r.label)}"><text x="${left - 8}" y="${y + 4}" text-anchor="end" class="label">${esc(r.label)}</text>` +
        `<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" class="grid"/>` +
        `<line x1="${x(r.lo)}" x2="${x(r.hi)}" y1="${y}" y2="${y}" class="interval"/>` +
        `<rect class="without" x="${x(r.without) - 5}" y="${y - 5}" width="10" height="10" data-value="${r.without}"><title>${esc(r.label)} without calls: ${pct(r.without)}</title></rect>` +
        `<circle class="with" cx="${x(r.with)}" cy="${y}" r="5.5" data-value="${r.with}"><title>${esc(r.label)} with calls: ${pct(r.with)} (95% interval ${pct(r.lo)}–${pct(r.hi)})</title></circle></g>`
      );
    })
    .join("");
  const legend = legendRows(
    [
      { mark: (x: number, y: number) => `<circle class="with" cx="${x}" cy="${y}" r="5.5"/>`, label: "with calls (line: 95% interval)" },
      { mark: (x: number, y: number) => `<rect class="without" x="${x - 5}" y="${y - 5}" width="10" height="10"/>`, label: "without calls" },
    ],
    left,
    790,
  ).svg;
  const desc = `For each applicant, the chance of matching with calls and without: ${rows.map((r) => `${r.label} ${pct(r.with)} with, ${pct(r.without)} without`).join("; ")}.`;
  return frame(id, title, desc, 800, height, legend + body + xAxis(left, right, top + rows.length * rowH + 8, "probability of matching (%)", [0, 0.25, 0.5, 0.75, 1], x, (v) => `${v * 100}%`));
}

export interface Bar {
  readonly label: string;
  readonly values: readonly number[];
}

/**
 * Grouped horizontal bars: one group per label, one bar per series, each series with its
 * own fill pattern (so it reads in grey), and the value written at the end of the bar.
 */
export function barChart(
  id: string,
  title: string,
  unit: string,
  series: readonly string[],
  bars: readonly Bar[],
  format: (v: number) => string,
  max?: number,
): string {
  const left = 190;
  const right = 700;
  const barH = 16;
  const groupH = series.length * barH + 10;
  const legend =
    series.length > 1
      ? legendRows(series.map((name, k) => ({ mark: (x: number, y: number) => `<rect class="bar s${k}" x="${x - 7}" y="${y - 6}" width="14" height="12"/>`, label: name })), left, 790)
      : { svg: "", height: 0 };
  const top2 = 16 + legend.height;
  const ticks = max === undefined ? niceTicks(Math.max(...bars.flatMap((b) => b.values))) : [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const limit = ticks.at(-1)!;
  const x = (v: number) => left + (v / limit) * (right - left);
  const body = bars
    .map((b, i) => {
      const y0 = top2 + i * groupH;
      const rects = b.values
        .map((v, k) => {
          const y = y0 + k * barH;
          return (
            `<rect class="bar s${k}" x="${left}" y="${y}" width="${Math.max(0, x(v) - left)}" height="${barH - 2}" data-series="${esc(series[k]!)}" data-value="${v}">` +
            `<title>${esc(b.label)}, ${esc(series[k]!)}: ${esc(format(v))}</title></rect>` +
            `<text x="${x(v) + 4}" y="${y + barH - 4}" class="value">${esc(format(v))}</text>`
          );
        })
        .join("");
      return `<g class="group" data-label="${esc(b.label)}"><text x="${left - 8}" y="${y0 + (series.length * barH) / 2 + 4}" text-anchor="end" class="label">${esc(b.label)}</text>${rects}</g>`;
    })
    .join("");
  const height = top2 + bars.length * groupH + 50;
  const desc = `${title}: ${bars.map((b) => `${b.label} ${b.values.map((v, k) => `${series.length > 1 ? `${series[k]} ` : ""}${format(v)}`).join(", ")}`).join("; ")}.`;
  return frame(id, title, desc, 800, height, legend.svg + body + xAxis(left, right, top2 + bars.length * groupH, unit, ticks, x, format));
}

export interface Line {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
}

/** Lines of a measure against a swept parameter; each line has its own marker shape and dash. */
export function lineChart(id: string, title: string, xLabel: string, yLabel: string, given: readonly Line[], formatY: (v: number) => string): string {
  // Series with the very same points would hide each other: draw one, and name them all.
  const lines: Line[] = [];
  for (const l of given) {
    const same = lines.findIndex((m) => JSON.stringify(m.points) === JSON.stringify(l.points));
    if (same >= 0) lines[same] = { label: `${lines[same]!.label} = ${l.label}`, points: lines[same]!.points };
    else lines.push(l);
  }
  const left = 80;
  const right = 740;
  const shapes = ["circle", "square", "triangle", "diamond"];
  const marker = (k: number, cx: number, cy: number) => {
    const s = shapes[k % shapes.length];
    if (s === "circle") return `<circle cx="${cx}" cy="${cy}" r="4.5"/>`;
    if (s === "square") return `<rect x="${cx - 4}" y="${cy - 4}" width="8" height="8"/>`;
    if (s === "triangle") return `<polygon points="${cx},${cy - 5} ${cx - 5},${cy + 4} ${cx + 5},${cy + 4}"/>`;
    return `<polygon points="${cx},${cy - 5} ${cx + 5},${cy} ${cx},${cy + 5} ${cx - 5},${cy}"/>`;
  };
  const legend = legendRows(lines.map((l, k) => ({ mark: (x: number, y: number) => `<g class="line s${k}">${marker(k, x, y)}</g>`, label: l.label })), 20, 790);
  const top = legend.height + 30;
  const bottom = top + 260;
  const xs = lines.flatMap((l) => l.points.map((p) => p[0]));
  const ys = lines.flatMap((l) => l.points.map((p) => p[1]));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const yTicks = niceTicks(Math.max(...ys));
  const y0 = 0;
  const y1 = yTicks.at(-1)!;
  const sx = (v: number) => (x1 === x0 ? (left + right) / 2 : left + ((v - x0) / (x1 - x0)) * (right - left));
  const sy = (v: number) => bottom - ((v - y0) / (y1 - y0)) * (bottom - top);
  const body = lines
    .map((l, k) => {
      const path = l.points.map((p, i) => `${i === 0 ? "M" : "L"}${sx(p[0])},${sy(p[1])}`).join(" ");
      const marks = l.points
        .map((p) => `<g class="point" data-x="${p[0]}" data-value="${p[1]}"><title>${esc(l.label)} at ${p[0]}: ${esc(formatY(p[1]))}</title>${marker(k, sx(p[0]), sy(p[1]))}</g>`)
        .join("");
      return `<g class="line s${k}" data-label="${esc(l.label)}"><path d="${path}" class="stroke s${k}"/>${marks}</g>`;
    })
    .join("");
  const yAxis =
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" class="axis"/>` +
    yTicks.map((t) => `<line x1="${left}" x2="${right}" y1="${sy(t)}" y2="${sy(t)}" class="grid"/><text x="${left - 6}" y="${sy(t) + 5}" text-anchor="end" class="tick">${esc(formatY(t))}</text>`).join("") +
    `<text transform="translate(16 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" class="axis-label">${esc(yLabel)}</text>`;
  const xTicks = [...new Set(xs)].sort((a, b) => a - b);
  const desc = `${title}: ${given.map((l) => `${l.label}: ${l.points.map((p) => `${p[0]} → ${formatY(p[1])}`).join(", ")}`).join("; ")}.`;
  return frame(id, title, desc, 800, bottom + 60, legend.svg + yAxis + body + xAxis(left, right, bottom, xLabel, xTicks, sx, (v) => String(v)));
}
