import { useEffect, useState } from 'react';
import type { Channel, ChannelRequest, ChannelResponse, ErrorInfo, Result } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { useRestore } from '../../store/restore';

/** One answer of the engine as a view shows it. */
export type Loadable<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; error: ErrorInfo };

/**
 * Asks `channel` once for `request` (undefined = nothing to ask yet) and again whenever the
 * request or the Restore Manager's Refresh changes; only the answer to the latest question
 * is shown. Tree nodes use it to list their children when they are expanded.
 */
export function useInvoke<C extends Channel>(channel: C, request: ChannelRequest<C> | undefined): Loadable<ChannelResponse<C>> {
  const refresh = useRestore((state) => state.refreshCount);
  const question = request === undefined ? undefined : `${channel} ${JSON.stringify(request)}`;
  const key = question === undefined ? undefined : `${refresh} ${question}`;
  const [answer, setAnswer] = useState<{ key: string; question: string; result: Result<ChannelResponse<C>> }>();
  useEffect(() => {
    if (key === undefined) return;
    let latest = true;
    // The request is read back from the key, so the effect runs per question, not per render.
    const asked = JSON.parse(key.slice(key.indexOf('{'))) as ChannelRequest<C>;
    void api.invoke(channel, asked).then((result) => {
      if (latest) setAnswer({ key, question: key.slice(key.indexOf(' ') + 1), result });
    });
    return () => {
      latest = false;
    };
  }, [channel, key]);
  // While Refresh asks again, the last answer to the same question stays shown (the tree does not collapse).
  if (answer === undefined || answer.question !== question) return { state: 'loading' };
  return answer.result.ok ? { state: 'loaded', value: answer.result.value } : { state: 'failed', error: answer.result.error };
}
