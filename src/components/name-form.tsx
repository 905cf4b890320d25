import { FieldError } from './field';
import { useId, useState, type FormEvent } from 'react';

type NameFormProps = {
  label: string;
  hint?: string;
  initial?: string;
  submitLabel: string;
  /** Resolves to an error message to show, or null when saved. */
  onSave: (name: string) => Promise<string | null>;
  onCancel?: () => void;
};

/** A one-field form for a person's name, with its error at the field. */
export function NameForm({ label, hint, initial = '', submitLabel, onSave, onCancel }: NameFormProps) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await onSave(value);
    setBusy(false);
    setError(problem);
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form className="form form-inline name-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        <input id={id} type="text" autoComplete="name" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
