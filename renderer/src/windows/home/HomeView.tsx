import { useEffect, useMemo, type ReactElement } from 'react';
import { Icon, type IconName } from '../../components/Icon';
import { startBackupPolling, useBackups } from '../../store/backups';
import { useCurrentWindow } from '../../store/current-window';
import { useLive } from '../../store/live';
import { appWindow, type AppWindowId } from '../../store/router';
import { useScenarios } from '../../store/scenarios';
import { homeCounts, JOB_STATES, nextStep, SCENARIO_STATES, type QuickStep } from './home-counts';
import './home.css';

interface Step {
  id: QuickStep;
  title: string;
  text: string;
  icon: IconName;
  /** The window the step happens in (its button opens it); none when it is the step before's. */
  window?: AppWindowId;
}

const STEPS: readonly Step[] = [
  {
    id: 'create',
    title: 'Create a scenario',
    text: 'In the Replication Manager choose New (Ctrl+N): the type, the Master host and its root directories, the Replica host and its target directory.',
    icon: 'plus',
    window: 'replication',
  },
  { id: 'run', title: 'Run it', text: 'Select the scenario and choose Run: the Replica is synchronized with the Master, then every change is replicated as it happens.', icon: 'running' },
  {
    id: 'back-up',
    title: 'Back it up',
    text: 'Back up now from the Replication Manager, or a job with a schedule in the Backup Manager: backups read a snapshot of the Replica, never the Master.',
    icon: 'camera',
    window: 'backup',
  },
  { id: 'restore', title: 'Restore', text: 'Find files by session, tree or query and restore them to the Replica, the Master or another folder.', icon: 'history', window: 'restore' },
  { id: 'watch', title: 'Watch the jobs', text: 'The Job Queue shows every backup and restore job; the Activity Log what each run did, with the details of every error.', icon: 'media', window: 'jobs' },
];

function OpenButton({ id, primary }: { id: AppWindowId; primary: boolean }): ReactElement {
  const show = useCurrentWindow((state) => state.show);
  const { name, shortcut } = appWindow(id);
  return (
    <button type="button" className={primary ? 'primary' : undefined} onClick={() => show(id)} title={`Open the ${name} (${shortcut})`}>
      Open {name}
    </button>
  );
}

function CountTable({ label, rows }: { label: string; rows: ReadonlyArray<readonly [string, number | undefined]> }): ReactElement {
  return (
    <table className="grid home-counts" aria-label={label}>
      <caption>{label}</caption>
      <tbody>
        {rows.map(([name, count]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="number">{count ?? '…'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Home: what to do first, each step's window one click away, and how things stand (scenarios by state, jobs by status). */
export function HomeView(): ReactElement {
  const scenarios = useScenarios((state) => state.scenarios);
  const liveById = useLive((state) => state.byId);
  const jobs = useBackups((state) => state.jobs);
  useEffect(() => startBackupPolling(), []);
  const counts = useMemo(() => homeCounts(scenarios, liveById, jobs), [scenarios, liveById, jobs]);
  const next = nextStep(counts);
  const nextIndex = STEPS.findIndex((step) => step.id === next);

  return (
    <div className="window home">
      <header className="title-bar">
        <h1>Home</h1>
        <span className="muted">Replicate Windows servers continuously, rewind them, and back up and restore their Replicas.</span>
      </header>
      <main className="home-body">
        <section className="pane home-steps" aria-labelledby="home-quick-start">
          <h2 id="home-quick-start" className="pane-header">
            Quick start
          </h2>
          <ol>
            {STEPS.map((step, index) => (
              <li key={step.id} className={step.id === next ? 'next' : undefined} aria-current={step.id === next ? 'step' : undefined}>
                <Icon name={step.icon} className="step-icon" />
                <div className="step-text">
                  <h3>
                    {index + 1}. {step.title}
                    {index < nextIndex && <span className="step-done"> — done</span>}
                  </h3>
                  <p>{step.text}</p>
                </div>
                {step.window && <OpenButton id={step.window} primary={step.id === next || (next === 'run' && step.id === 'create')} />}
              </li>
            ))}
          </ol>
        </section>
        <section className="pane home-glance" aria-labelledby="home-glance">
          <h2 id="home-glance" className="pane-header">
            At a glance
          </h2>
          <div className="home-glance-body">
            <CountTable label="Scenario counts" rows={[['Scenarios', counts.scenarios], ...SCENARIO_STATES.map((state) => [state, counts.byState[state]] as const)]} />
            <CountTable label="Job counts" rows={JOB_STATES.map((state) => [state, counts.jobs?.[state]] as const)} />
            <div className="home-reports">
              <p>Backup and restore activity: what ran, when, how much it moved and what failed.</p>
              <OpenButton id="reports" primary={false} />
            </div>
          </div>
        </section>
      </main>
    </div>
  );
}
