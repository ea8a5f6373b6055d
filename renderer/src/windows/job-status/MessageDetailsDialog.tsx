import type { ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';
import type { MessageDetails } from './message-details';

/** An Error or Warning entry's details, as SPEC.md asks: Code, Module, Message, Reason, Action. */
export function MessageDetailsDialog({ details, onClose }: { details: MessageDetails; onClose(): void }): ReactElement {
  const rows: ReadonlyArray<[string, string]> = [
    ['Code', details.code],
    ['Module', details.module],
    ['Message', details.message],
    ['Reason', details.reason],
    ['Action', details.action],
  ];
  return (
    <Dialog
      title="Message details"
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <dl className="message-details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
