import { useMemo, useState, type ReactElement } from 'react';
import type { ErrorInfo, RewindPoint, RewindSummary, Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useProtection } from '../../store/protection';
import { selectedReplica, useScenarios } from '../../store/scenarios';
import { EMPTY_FILTER, pointKey, pointTarget, rewindConsequences, rewindQuery, type RewindFilterForm } from './rewind-points';
import { NO_SCOPE, parseRewindScope, scopeFolder, type RewindScopeForm } from './rewind-scope';
import { RewindFilters } from './RewindFilters';
import { RewindPointsInfo } from './RewindPointsInfo';
import { RewindPointTable } from './RewindPointTable';
import { RewindScopeFields } from './RewindScopeFields';
import { RewindSummaryView } from './RewindSummaryView';
import { shownReply, useRewindPoints } from './use-rewind-points';

const NO_POINTS: RewindPoint[] = [];

type Step = { kind: 'choose' } | { kind: 'confirm' } | { kind: 'done'; summary: RewindSummary };

/**
 * Rewind: browse a Replica's rewind points (operations and bookmarks), pick one, optionally
 * limit the rewind to one folder, confirm the consequences, and see what was undone.
 */
export function RewindDialog({ scenario, onClose }: { scenario: Scenario; onClose(): void }): ReactElement {
  const initialReplica = useScenarios((state) => selectedReplica(scenario, state.selectedReplicaId));
  const rewind = useProtection((state) => state.rewind);
  const roots = scenario.master.roots;
  const [replicaId, setReplicaId] = useState(initialReplica?.id);
  const [filter, setFilter] = useState<RewindFilterForm>(EMPTY_FILTER);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const [scopeForm, setScopeForm] = useState<RewindScopeForm>(NO_SCOPE);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);

  const parsedFilter = rewindQuery(filter, roots);
  const { view } = useRewindPoints(scenario.id, replicaId, parsedFilter.ok ? parsedFilter.query : undefined);
  const reply = shownReply(view);
  const points = reply?.points ?? NO_POINTS;
  const selected = useMemo(() => points.find((point) => pointKey(point) === selectedKey), [points, selectedKey]);
  const scope = parseRewindScope(scopeForm, roots);
  const replica = scenario.replicas.find((candidate) => candidate.id === replicaId);

  const run = async (): Promise<void> => {
    if (!selected || !replica || !scope.ok) return;
    setBusy(true);
    setError(undefined);
    const result = await rewind({ id: scenario.id, replicaId: replica.id, target: pointTarget(selected), scope: scope.scope });
    setBusy(false);
    if (result.ok) setStep({ kind: 'done', summary: result.value });
    else setError(result.error);
  };

  const footer =
    step.kind === 'done' ? (
      <button type="button" className="primary" onClick={onClose}>
        Close
      </button>
    ) : step.kind === 'confirm' ? (
      <>
        <button type="button" onClick={() => setStep({ kind: 'choose' })} disabled={busy}>
          Back
        </button>
        <DialogButtons confirmLabel="Rewind" danger busy={busy} onCancel={onClose} onConfirm={() => void run()} />
      </>
    ) : (
      <DialogButtons confirmLabel="Continue" disabled={!selected || !scope.ok} onCancel={onClose} onConfirm={() => setStep({ kind: 'confirm' })} />
    );

  return (
    <Dialog title={`Rewind — ${scenario.name}`} wide onClose={onClose} footer={footer}>
      {error && <ErrorBanner error={error} />}
      {step.kind === 'done' && replica ? (
        <RewindSummaryView summary={step.summary} replicaHost={replica.host} />
      ) : step.kind === 'confirm' && selected && replica && scope.ok ? (
        <div className="rewind-confirm">
          <h3>Rewind Replica {replica.host}?</h3>
          <p>{rewindConsequences(selected, replica.host, roots, scopeFolder(scope.scope, roots))}</p>
        </div>
      ) : (
        <div className="rewind-chooser">
          <RewindFilters
            replicas={scenario.replicas}
            replicaId={replicaId}
            onReplica={(id) => {
              setReplicaId(id);
              setSelectedKey(undefined);
            }}
            filter={filter}
            errors={parsedFilter.ok ? {} : parsedFilter.errors}
            onFilter={setFilter}
          />
          {view.state === 'failed' && <ErrorBanner error={view.error} />}
          <RewindPointsInfo reply={reply} loading={view.state === 'loading'} />
          <RewindPointTable points={points} roots={roots} selectedKey={selectedKey} onSelect={setSelectedKey} />
          <RewindScopeFields roots={roots} scope={scopeForm} error={scope.ok ? undefined : scope.error} onChange={setScopeForm} />
        </div>
      )}
    </Dialog>
  );
}
