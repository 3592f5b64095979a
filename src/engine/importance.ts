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
  const out = s.elements.map((e, i) => {
    let uUp = 0;
    let uDown = 0;
    for (const f of clients) {
      const b = f.birnbaum[i];
      uUp = Math.max(uUp, f.unavailability - (1 - up[i]) * b);
      uDown = Math.max(uDown, f.unavailability + up[i] * b);
    }
    return { id: e.id, type: e.type, birnbaum: Math.max(0, uDown - uUp), improvement: Math.max(0, sysU - uUp), index: i };
  });
  out.sort((a, b) => b.improvement - a.improvement || b.birnbaum - a.birnbaum || a.index - b.index);
  return out.map(({ id, type, birnbaum, improvement }) => ({ id, type, birnbaum, improvement }));
}
