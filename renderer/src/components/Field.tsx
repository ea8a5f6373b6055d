import type { ReactElement, ReactNode } from 'react';

/** A labelled form control with its error message underneath. */
export function Field({ id, label, error, wide = false, children }: { id: string; label: string; error: string | undefined; wide?: boolean; children: ReactNode }): ReactElement {
  return (
    <div className={`field${wide ? ' wide-field' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The attributes tying a control to its label's field and error message. */
export function inputProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}
