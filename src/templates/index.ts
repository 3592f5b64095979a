// The built-in designs offered by the Templates menu; each is a valid document with positions.
import type { Topology } from '../model';
import { DESIGNS } from './designs';
import { STAGES } from './stages';

export interface Template {
  id: string;
  name: string;
  description: string;
  topology: Topology;
}

export const TEMPLATES: Template[] = [...STAGES, ...DESIGNS].map((t) => ({ ...t, name: t.topology.name }));

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
