// One section of the report: a heading with a count, collapsible, open by default.
import { ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';

export function Section({ title, count, children, defaultOpen = true, testId, tone }: {
  title: string;
  count?: number | string;
  children: ReactNode;
  defaultOpen?: boolean;
  testId?: string;
  tone?: 'danger' | 'ok';
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section className={`rp-section${open ? ' is-open' : ''}`} data-testid={testId}>
      <button type="button" className="rp-section-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <ChevronRight size={14} className="rp-chevron" aria-hidden />
        <span className="rp-section-title">{title}</span>
        {count !== undefined && <span className={`rp-count${tone ? ` is-${tone}` : ''}`}>{count}</span>}
      </button>
      {open && <div className="rp-section-body">{children}</div>}
    </section>
  );
}
