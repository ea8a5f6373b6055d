import type { ReactElement } from 'react';

interface DialogButtonsProps {
  confirmLabel: string;
  onCancel(): void;
  busy?: boolean;
  /** The action is not possible yet (nothing chosen). */
  disabled?: boolean;
  danger?: boolean;
  /** Submits this form (the dialog's fields); without it the confirm button calls `onConfirm`. */
  form?: string;
  onConfirm?(): void;
  /** A step of a sequence (Security → Submit Job): Back returns to the step before. */
  onBack?(): void;
}

/** Cancel, then the dialog's one action — the same pair in every dialog (after Back in a sequence of steps). */
export function DialogButtons({ confirmLabel, onCancel, busy = false, disabled = false, danger = false, form, onConfirm, onBack }: DialogButtonsProps): ReactElement {
  return (
    <>
      {onBack && (
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
      )}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className={danger ? 'primary danger' : 'primary'} disabled={busy || disabled} onClick={form ? undefined : onConfirm}>
        {confirmLabel}
      </button>
    </>
  );
}
