import { useEffect, useRef, useState } from 'react';
import type { Channel, ChannelRequest, ChannelResponse, ErrorInfo, Result } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { useRestore } from '../../store/restore';

/** One answer of the engine as a view shows it. */
export type Loadable<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; error: ErrorInfo };

/**
 * Asks `ask(request)` once (undefined = nothing to ask yet) and again whenever the question
 * (`question(request)`, a string naming what is asked) or the Restore Manager's Refresh
 * changes; only the answer to the latest question is shown. Tree nodes use it to list their
 * children when they are expanded.
 */
export function useAnswer<R, T>(request: R | undefined, question: (request: R) => string, ask: (request: R) => Promise<Result<T>>): Loadable<T> {
  const refresh = useRestore((state) => state.refreshCount);
  const asked = request === undefined ? undefined : question(request);
  const [answer, setAnswer] = useState<{ question: string; result: Result<T> }>();
  // The request and `ask` are new at every render; the effect reads the latest ones and runs per question, not per render.
  const latest = useRef({ request, ask });
  useEffect(() => {
    latest.current = { request, ask };
  });
  useEffect(() => {
    const { request: current, ask: asker } = latest.current;
    if (asked === undefined || current === undefined) return;
    let shown = true;
    void asker(current).then((result) => {
      if (shown) setAnswer({ question: asked, result });
    });
    return () => {
      shown = false;
    };
  }, [asked, refresh]);
  // While Refresh asks again, the last answer to the same question stays shown (the tree does not collapse).
  if (answer === undefined || answer.question !== asked) return { state: 'loading' };
  return answer.result.ok ? { state: 'loaded', value: answer.result.value } : { state: 'failed', error: answer.result.error };
}

/** useAnswer for one channel of the contract: the request is the question. */
export function useInvoke<C extends Channel>(channel: C, request: ChannelRequest<C> | undefined): Loadable<ChannelResponse<C>> {
  return useAnswer(
    request,
    (asked) => `${channel} ${JSON.stringify(asked)}`,
    (asked) => api.invoke(channel, asked),
  );
}
