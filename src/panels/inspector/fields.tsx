// Inspector inputs with validation as you type: the draft text is checked on every
// keystroke and an error is shown; a valid value is applied on Enter or when the field
// loses focus (one undo step per typed value); a bad one is never applied. Escape reverts.
import { useEffect, useId, useState, type ReactNode } from 'react';

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; error: string };

interface FieldShellProps {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

export function FieldShell({ label, htmlFor, hint, error, children }: FieldShellProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor} className="field-label">{label}</label>
      {children}
      {error ? <div className="field-error" role="alert" data-testid="field-error">{error}</div> : hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}

interface TextFieldProps<T> {
  label: string;
  /** The applied value as text ('' when unset). */
  value: string;
  parse: (text: string) => Parsed<T>;
  onCommit: (value: T | undefined) => void;
  testId: string;
  placeholder?: string;
  hint?: ReactNode;
  suffix?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
}

export function TextField<T>({ label, value, parse, onCommit, testId, placeholder, hint, suffix, inputMode = 'text' }: TextFieldProps<T>) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();
  // A new applied value (undo, another element) replaces the draft.
  useEffect(() => {
    setDraft(value);
    setError(undefined);
  }, [value]);
  const commit = () => {
    if (draft === value) return;
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    onCommit(parsed.value);
  };
  return (
    <FieldShell label={label} htmlFor={id} hint={hint} error={error}>
      <div className="input-wrap">
        <input
          id={id}
          className="input"
          data-testid={testId}
          value={draft}
          placeholder={placeholder}
          inputMode={inputMode}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            const parsed = parse(e.target.value);
            setError(parsed.ok ? undefined : parsed.error);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setDraft(value);
              setError(undefined);
            }
          }}
        />
        {suffix && <span className="input-suffix">{suffix}</span>}
      </div>
    </FieldShell>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
  hint?: ReactNode;
}

export function SelectField({ label, value, options, onChange, testId, hint }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell label={label} htmlFor={id} hint={hint}>
      <select id={id} className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}

export function CheckField({ label, checked, onChange, testId, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; testId: string; hint?: ReactNode }) {
  return (
    <div className="field field-check">
      <label className="check">
        <input type="checkbox" data-testid={testId} checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3 className="inspector-section-title">{title}</h3>
      {children}
    </section>
  );
}
