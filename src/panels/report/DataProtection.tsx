// RPO (the writes that can be lost) and RTO (the time to recover) per data store.
import type { DataProtection as Entry } from '../../engine/insight';
import { revealElements } from './reveal';

export function DataProtection({ stores }: { stores: Entry[] }) {
  if (stores.length === 0) return <div className="rp-empty">No data store in the design.</div>;
  return (
    <table className="rp-table" data-testid="data-protection">
      <thead><tr><th>Store</th><th title="data that can be lost">RPO</th><th title="time to recover">RTO</th></tr></thead>
      <tbody>
        {stores.map((d) => (
          <tr key={d.id} data-element-id={d.id} className="rp-clickable" onClick={() => revealElements([d.id])}>
            <td>{d.label}</td>
            <td className={d.rpoSeconds === null ? 'is-danger' : ''} title={d.rpoVia ? `via ${d.rpoVia}` : undefined}>{d.rpo}</td>
            <td title={d.rtoVia ? `via ${d.rtoVia}` : undefined}>{d.rto}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
