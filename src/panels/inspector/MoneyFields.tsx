// Money fields of format version 2: what an instance or a domain costs a month, what an hour
// of a client's outage costs, and the document's currency. Typed as plain numbers (a
// thousands separator or the currency's sign may be typed too), shown back formatted by
// Intl.NumberFormat in the document's currency.
import { MAX_MONEY, numberText } from '../../model';
import { formatMoney } from '../../report/format';
import { TextField, type Parsed } from './fields';

/** "1200", "1,200.50", "$ 1200": a non-negative amount; empty unsets it. */
export function parseMoney(text: string): Parsed<number> {
  const t = text.trim().replace(/^[^\d.-]+/, '').replace(/[\s,_]/g, '');
  if (t === '') return text.trim() === '' ? { ok: true, value: undefined } : { ok: false, error: `not an amount: "${text.trim()}"` };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, error: `not an amount: "${text.trim()}"` };
  const n = Number(t);
  if (n < 0) return { ok: false, error: 'must be >= 0' };
  // The schema's bound: a longer run of digits was kept as Infinity, which no file holds.
  if (!(n <= MAX_MONEY)) return { ok: false, error: `must be at most ${numberText(MAX_MONEY)}` };
  return { ok: true, value: n };
}

/** A three-letter ISO 4217 code that Intl.NumberFormat knows; empty means USD. */
export function parseCurrency(text: string): Parsed<string> {
  const t = text.trim().toUpperCase();
  if (t === '') return { ok: true, value: undefined };
  if (!/^[A-Z]{3}$/.test(t)) return { ok: false, error: 'an ISO 4217 code of three letters, like USD, EUR or JPY' };
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: t });
  } catch {
    return { ok: false, error: `"${t}" is not a currency this browser knows` };
  }
  return { ok: true, value: t };
}

interface MoneyFieldProps {
  label: string;
  testId: string;
  value: number | undefined;
  currency: string;
  /** What the amount is per: "a month", "an hour of outage". */
  per: string;
  hint?: string;
  onCommit: (value: number | undefined) => void;
}

export function MoneyField({ label, testId, value, currency, per, hint, onCommit }: MoneyFieldProps) {
  const shown = value === undefined ? undefined : `${formatMoney(value, currency)} ${per}`;
  return (
    <TextField label={label} testId={testId} value={value === undefined ? '' : String(value)} suffix={currency} inputMode="decimal"
      placeholder="not given" hint={[shown, hint].filter(Boolean).join(' · ') || undefined} parse={parseMoney} onCommit={onCommit} />
  );
}
