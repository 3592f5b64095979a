// What the failure of an optional dependency degrades (without taking the system down).
import type { Degradation } from '../../engine/insight';
import { revealElements } from './reveal';

export function Degradations({ items }: { items: Degradation[] }) {
  return (
    <ul className="rp-list" data-testid="degradations">
      {items.map((d) => (
        <li key={d.link} className={`rp-row${d.inFactRequired ? ' is-spof' : ''}`}>
          <button type="button" className="rp-row-main" onClick={() => revealElements([d.link, d.to])}>
            <span className="rp-row-text">{d.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
