import { useEffect, useRef, useState } from 'react';
import type { BrowseReply, ChannelRequest, ErrorInfo } from '../../../electron/api/contract';
import { api } from '../api/api';

/** One engine administrator's credentials for a host, as restore.browse-host takes them. */
export type BrowseCredentials = NonNullable<ChannelRequest<'restore.browse-host'>['credentials']>[number];

export type FolderListing = { state: 'loading' } | { state: 'loaded'; value: BrowseReply } | { state: 'failed'; error: ErrorInfo };

/**
 * Lists `path` on `host`'s engine (restore.browse-host), again whenever the host, the folder or
 * `attempt` (each Connect) changes; only the answer to the latest question is shown. The
 * question never names the password.
 */
export function useHostFolders(host: string, path: string, credentials: BrowseCredentials | undefined, attempt: number): FolderListing {
  const question = `${host}\n${path}\n${attempt}`;
  const [answer, setAnswer] = useState<{ question: string; listing: FolderListing }>();
  // The credentials are a new object at every render; the effect reads the latest and runs per question.
  const latest = useRef(credentials);
  useEffect(() => {
    latest.current = credentials;
  });
  useEffect(() => {
    let shown = true;
    const given = latest.current;
    void api.invoke('restore.browse-host', { host, path, ...(given ? { credentials: [given] } : {}) }).then((result) => {
      if (shown) setAnswer({ question, listing: result.ok ? { state: 'loaded', value: result.value } : { state: 'failed', error: result.error } });
    });
    return () => {
      shown = false;
    };
  }, [question, host, path]);
  return answer?.question === question ? answer.listing : { state: 'loading' };
}
