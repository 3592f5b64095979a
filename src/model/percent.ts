// A per-instance availability as the canvas, the inspector and the drawn SVG show it.

/** 0.9995 -> "99.95%"; up to five significant decimals, no trailing zeros. */
export function formatPercent(a: number): string {
  const p = a * 100;
  for (let digits = 0; digits <= 5; digits++) {
    const text = p.toFixed(digits);
    if (Math.abs(Number(text) - p) < 1e-9) return `${text}%`;
  }
  return `${p.toFixed(5)}%`;
}
