// Birnbaum importance and improvement potential against the system, its weakest client.
import type { ClientFigures } from './exactAnalysis';
import type { Structure } from './structure';
import type { ImportanceReport } from './types';

/**
 * With U_c a client's unavailability and B_c its Birnbaum importance of element e, the
 * structure is multilinear, so U_c(e perfect) = U_c − (1 − a_e)·B_c and U_c(e down) =
 * U_c + a_e·B_c. The system takes the worst client: birnbaum = max U(e down) − max
 * U(e perfect); improvement = U_sys − max U(e perfect). Sorted: what to fix first.
 */
export function importanceOf(s: Structure, up: Float64Array, perClient: ClientFigures[], sysU: number): ImportanceReport[] {
  // Clients that share one importance array (the exact method shares it between clients with
  // the same need: 200 clients of one design are one) reach both maxima at their largest U.
  const weakest = new Map<Float64Array, ClientFigures>();
  for (const f of perClient) {
    const kept = weakest.get(f.birnbaum);
    if (!kept || f.unavailability > kept.unavailability) weakest.set(f.birnbaum, f);
  }
  const clients = [...weakest.values()];
  // Client by client, each importance array read from end to end: element by element, the
  // 200 arrays of the estate's Monte Carlo path (168 MB) were read across, 200 places at a time.
  const n = s.elements.length;
  const uUp = new Float64Array(n);
  const uDown = new Float64Array(n);
  for (const f of clients) {
    const b = f.birnbaum;
    const u = f.unavailability;
    for (let i = 0; i < n; i++) {
      uUp[i] = Math.max(uUp[i], u - (1 - up[i]) * b[i]);
      uDown[i] = Math.max(uDown[i], u + up[i] * b[i]);
    }
  }
  const birnbaum = Float64Array.from(uDown, (d, i) => Math.max(0, d - uUp[i]));
  const improvement = Float64Array.from(uUp, (x) => Math.max(0, sysU - x));
  // Sorted as indices, and one report object made per element (not two).
  const order = Array.from(s.elements, (_, i) => i);
  order.sort((a, b) => improvement[b] - improvement[a] || birnbaum[b] - birnbaum[a] || a - b);
  return order.map((i) => ({ id: s.elements[i].id, type: s.elements[i].type, birnbaum: birnbaum[i], improvement: improvement[i] }));
}
