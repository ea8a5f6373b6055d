import { useState, type ReactElement, type ReactNode } from 'react';
import type { ErrorInfo, Result } from '../../../electron/api/contract';
import { Dialog } from './Dialog';
import { DialogButtons } from './DialogButtons';
import { ErrorBanner } from './ErrorBanner';

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** The action confirmed; its error is shown in the dialog, which stays open. */
  action(): Promise<Result<unknown>>;
  onClose(): void;
  children: ReactNode;
}

/** Asks before a destructive action, runs it, and closes only when it succeeded. */
export function ConfirmDialog({ title, confirmLabel, action, onClose, children }: ConfirmDialogProps): ReactElement {
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Dialog title={title} onClose={onClose} footer={<DialogButtons confirmLabel={confirmLabel} danger busy={busy} onCancel={onClose} onConfirm={() => void confirm()} />}>
      {error && <ErrorBanner error={error} />}
      {children}
    </Dialog>
  );
}
