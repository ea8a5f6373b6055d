import type { ReactElement, ReactNode } from 'react';
import type { ErrorInfo } from '../../../electron/api/contract';
import { ErrorBanner } from './ErrorBanner';

interface SubmitFormProps {
  id?: string;
  className?: string;
  'aria-label'?: string;
  autoComplete?: string;
  /** Shown above the fields: the last failure of `onSubmit`. */
  error: ErrorInfo | undefined;
  onSubmit: () => void | Promise<void>;
  children: ReactNode;
}

/** A dialog's or pane's form: validated by our own code (not the browser's), submitted without a page load. */
export function SubmitForm({ error, onSubmit, children, className = 'form', ...attributes }: SubmitFormProps): ReactElement {
  return (
    <form
      {...attributes}
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {error && <ErrorBanner error={error} />}
      {children}
    </form>
  );
}
