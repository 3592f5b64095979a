// What an empty canvas says: how to start, with the first stages one click away.
import { MousePointerClick } from 'lucide-react';
import { openTemplate } from '../commands/documents';
import { useDocument } from '../store/document';

const STARTERS = [
  { id: 'stage3', label: 'Web servers behind a load balancer' },
  { id: 'stage6', label: 'Multi-AZ' },
  { id: 'multi-region', label: 'Multi-region with read replicas' },
];

export function EmptyState() {
  const empty = useDocument((s) => s.doc.components.length === 0 && s.doc.domains.length === 0);
  if (!empty) return null;
  return (
    <div className="empty-state">
      <MousePointerClick size={28} aria-hidden className="empty-icon" />
      <h2>Draw your system</h2>
      <p>
        Drag components and zones from the palette and link each to what it needs from a node's dot: every single point of failure
        shows as you go. Start from a client (the users); without one, the analysis starts from what nothing else calls.
      </p>
      <div className="empty-actions">
        {STARTERS.map((s) => (
          <button key={s.id} type="button" className="btn" onClick={() => void openTemplate(s.id)}>{s.label}</button>
        ))}
      </div>
    </div>
  );
}
