import type { ReactNode } from 'react';

export type FieldA11yProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  warnings?: readonly string[];
  children: (a11y: FieldA11yProps) => ReactNode;
};

/** A labelled control with its hint, error and warnings, all linked through aria-describedby. */
export function Field({ id, label, hint, error, warnings = [], children }: FieldProps) {
  const describedBy = describedByIds(id, hint !== undefined, error, warnings);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint !== undefined && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      <FieldMessages id={id} error={error} warnings={warnings} />
    </div>
  );
}

type ChoiceGroupProps = {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  warnings?: readonly string[];
  children: ReactNode;
};

/** A fieldset of radios or checkboxes with its legend, hint and messages. */
export function ChoiceGroup({ id, legend, hint, error, warnings = [], children }: ChoiceGroupProps) {
  const describedBy = describedByIds(id, hint !== undefined, error, warnings);
  return (
    <fieldset className="field choice-group" id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint !== undefined && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <div className="choices">{children}</div>
      <FieldMessages id={id} error={error} warnings={warnings} />
    </fieldset>
  );
}

/** An error under its field, marked by more than colour; link it with aria-describedby={id}. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">✖ </span>
      {message}
    </p>
  );
}

function FieldMessages({ id, error, warnings }: { id: string; error: string | undefined; warnings: readonly string[] }) {
  return (
    <>
      <FieldError id={`${id}-error`} message={error} />
      {warnings.length > 0 && (
        <div id={`${id}-warning`} className="field-warning" role="status">
          {warnings.map((w) => (
            <p key={w}>
              <span aria-hidden="true">▲ </span>
              {w}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

function describedByIds(id: string, hasHint: boolean, error: string | undefined, warnings: readonly string[]): string | undefined {
  const ids = [hasHint && `${id}-hint`, error && `${id}-error`, warnings.length > 0 && `${id}-warning`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
