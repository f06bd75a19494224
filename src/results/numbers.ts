/** Fixed rounding, so printed figures do not depend on floating-point noise in the last digits. */
export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

const Z95 = 1.959963984540054;

/** Wilson score interval for x successes in n trials, 95%. */
export function wilson(x: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [round(Math.max(0, center - half)), round(Math.min(1, center + half))];
}

