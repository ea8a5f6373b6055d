import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { useLive } from '../../store/live';
import { linkOf } from './link-status';
import { ReplicaStatistics } from './ReplicaStatistics';
import { RootStatistics } from './RootStatistics';

/** Statistics tab: the engines' live figures, only while the scenario runs. */
export function StatisticsTab({ scenario }: { scenario: Scenario }): ReactElement {
  const live = useLive((state) => state.byId[scenario.id]);
  if (scenario.status.state === 'stopped') return <p className="empty">Statistics are shown while the scenario is running.</p>;
  if (!live || live.state === 'stopped') return <p className="empty">Waiting for the first figures from the engines…</p>;
  if (live.state === 'not-authorized') return <p className="empty">No figures: the manager is not authorized on the Master&apos;s engine (see the Host pane).</p>;
  if (live.links.length === 0) return <p className="empty">No figures: the Master&apos;s engine did not report any (see the Host pane).</p>;
  return (
    <div className="statistics">
      {scenario.replicas.map((replica) => {
        const link = linkOf(live, replica.id);
        return link ? (
          <ReplicaStatistics key={replica.id} replica={replica} link={link} />
        ) : (
          <p key={replica.id} className="empty">
            No figures for Replica {replica.host} yet.
          </p>
        );
      })}
      {live.roots.length > 0 && <RootStatistics roots={live.roots} />}
    </div>
  );
}
