import { useEffect, useRef, useState } from 'react';
import type { ChannelResponse, ErrorInfo } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import type { RewindPointsQuery } from './rewind-points';

type PointsReply = ChannelResponse<'rewind.points'>;

/** The rewind browser's list: being read (showing the last answer meanwhile), read, or refused. */
export type RewindPointsView =
  | { state: 'loading'; previous: PointsReply | undefined }
  | { state: 'loaded'; reply: PointsReply }
  | { state: 'failed'; error: ErrorInfo; previous: PointsReply | undefined };

/** Typing in the filter asks the Replica once it pauses, not at every key. */
export const FILTER_PAUSE_MS = 250;

export function shownReply(view: RewindPointsView): PointsReply | undefined {
  return view.state === 'loaded' ? view.reply : view.previous;
}

/**
 * Asks the Replica's engine for the rewind points matching `query` (undefined = the filter is
 * invalid: keep what is shown). Only the answer to the latest question is shown.
 */
export function useRewindPoints(scenarioId: string, replicaId: string | undefined, query: RewindPointsQuery | undefined): { view: RewindPointsView; reload(): void } {
  const [view, setView] = useState<RewindPointsView>({ state: 'loading', previous: undefined });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const queryKey = query === undefined ? undefined : JSON.stringify(query);
  const lastReplica = useRef(replicaId);

  useEffect(() => {
    if (replicaId === undefined || queryKey === undefined) return;
    const request = ++latest.current;
    const sameReplica = lastReplica.current === replicaId;
    lastReplica.current = replicaId;
    const timer = setTimeout(
      () => {
        setView((current) => ({ state: 'loading', previous: sameReplica ? shownReply(current) : undefined }));
        void api.invoke('rewind.points', { id: scenarioId, replicaId, query: JSON.parse(queryKey) as RewindPointsQuery }).then((result) => {
          if (latest.current !== request) return;
          setView((current) => (result.ok ? { state: 'loaded', reply: result.value } : { state: 'failed', error: result.error, previous: shownReply(current) }));
        });
      },
      request === 1 || !sameReplica ? 0 : FILTER_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [scenarioId, replicaId, queryKey, generation]);

  return { view, reload: () => setGeneration((value) => value + 1) };
}
