// What the figures cover (DESIGN section 2): nothing yet, when nothing is connected;
// the entry points, when no client calls anything (with the one-step fix); and the
// components nothing reaches, which are not part of the figures.
import { Cable, UserPlus } from 'lucide-react';
import type { Report } from '../../engine';
import type { Topology } from '../../model';
import { useDocument } from '../../store/document';
import { elementName, listWords } from '../../store/elementNames';
import { useSelection } from '../../store/selection';
import { revealElements } from './reveal';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** No dependency link at all: no figure, and what to draw next. */
export function NothingConnected({ doc }: { doc: Topology }) {
  const n = doc.components.length;
  const hasClient = doc.components.some((c) => c.kind === 'client');
  return (
    <div className="rp-coverage is-unconnected" data-testid="nothing-connected">
      <div className="rp-coverage-title"><Cable size={15} aria-hidden />{n === 0 ? 'Nothing to analyse yet' : 'Nothing is connected yet'}</div>
      {n === 0 ? (
        <p>Add components from the palette, then link each to what it needs.</p>
      ) : (
        <>
          <p>
            {plural(n, 'component')} placed, no dependency link between them: there is no availability to show, and no single
            point of failure can be found until something calls something.
          </p>
          <p className="rp-coverage-next">
            <b>Draw next:</b> {hasClient ? 'a link from the client' : 'a client (the users) from the palette, and a link from it'} to the
            first component it calls (DNS, a CDN or a load balancer), then from each component to what it needs. Drag from a node's
            dot to the component it calls.
          </p>
        </>
      )}
    </div>
  );
}

/** No client calls anything: the figures are for the entry points; add a client for them in one step. */
export function EntryPoints({ doc, report }: { doc: Topology; report: Report }) {
  const names = report.entryPoints.map((id) => elementName(doc, id));
  const one = names.length === 1;
  const idleClients = doc.components.some((c) => c.kind === 'client');
  const addClient = () => {
    const id = useDocument.getState().addClientFor(report.entryPoints);
    if (id) useSelection.getState().select([id], []);
  };
  return (
    <div className="rp-coverage" data-testid="entry-points" data-ids={report.entryPoints.join(' ')}>
      <div className="rp-coverage-title"><UserPlus size={15} aria-hidden />{idleClients ? 'No client calls anything yet' : 'No client in this design'}</div>
      <p>
        The figures are for {one ? 'the entry point' : 'the entry points'} <b>{listWords(names, 6)}</b> (what nothing else calls), as if
        a client called {one ? 'it' : 'each of them'}.
      </p>
      <button type="button" className="btn btn-primary rp-coverage-fix" data-testid="add-entry-client" onClick={addClient}>
        <UserPlus size={14} aria-hidden />
        <span>Add a client for {one ? 'it' : 'these'}</span>
      </button>
    </div>
  );
}

/** Components no client or entry point reaches: not part of the figures. */
export function Unreached({ doc, report }: { doc: Topology; report: Report }) {
  if (report.unreached.length === 0 || report.basis === 'unconnected') return null;
  const by = report.basis === 'entry-points' ? 'no entry point reaches' : 'no client reaches';
  return (
    <div className="rp-unreached" data-testid="unreached" data-count={report.unreached.length}>
      <b>Not part of the figures</b> ({by} {report.unreached.length === 1 ? 'it' : 'them'}):{' '}
      {report.unreached.slice(0, 8).map((id, i, shown) => (
        <span key={id}>
          <button type="button" className="rp-link rp-inline" data-testid="unreached-item" data-element-id={id} onClick={() => revealElements([id])}>
            {elementName(doc, id)}
          </button>
          {i < shown.length - 1 ? ', ' : ''}
        </span>
      ))}
      {report.unreached.length > 8 && <span> and {report.unreached.length - 8} more</span>}.
    </div>
  );
}
