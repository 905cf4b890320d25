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
  /** Names to offer while typing (the loop's), and the note when a name is not among them; one tap chooses a name. */
  lookup?: { suggest: (typed: string) => readonly string[]; unknownNote: (typed: string) => string | null };
};

/** A one-field form for a person's name, with its error at the field. */
export function NameForm({ label, hint, initial = '', submitLabel, onSave, onCancel, lookup }: NameFormProps) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (name: string) => {
    setBusy(true);
    const problem = await onSave(name);
    setBusy(false);
    setError(problem);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(value);
  };
  const offered = lookup?.suggest(value) ?? [];
  // Said before saving, not discovered after: a name the loop does not have opens no interview.
  const notOnLoop = lookup?.unknownNote(value) ?? null;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', notOnLoop ? `${id}-loop` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form className="form form-inline name-form" onSubmit={submit} noValidate>
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
        {notOnLoop && (
          <p id={`${id}-loop`} className="field-hint">
            {notOnLoop}
          </p>
        )}
        {offered.length > 0 && (
          <div className="choice-list name-suggestions" role="group" aria-label="Names on this loop">
            {offered.map((name) => (
              <button key={name} type="button" className="button button-secondary" disabled={busy} onClick={() => void save(name)}>
                I am {name}
              </button>
            ))}
          </div>
        )}
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
