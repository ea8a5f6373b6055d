import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../electron/api/contract';
import { pageArrived, startList, wantsMore, type PagedList } from './paged-list';

export type FetchPage<T> = (offset: number) => Promise<Result<T[]>>;

/**
 * Reads the list named `key` (undefined = nothing to list) a page at a time with `fetchPage`.
 * `onShown(lastIndex)` is called by the virtualised view as it scrolls and asks for the next
 * page when the end comes near.
 */
export function usePages<T>(key: string | undefined, pageSize: number, fetchPage: FetchPage<T>): { list: PagedList<T> | undefined; onShown(lastIndex: number): void } {
  const [list, setList] = useState<PagedList<T> | undefined>();
  // The fetcher is a new function at every render; the effects use the latest one without re-running for it.
  const fetcher = useRef(fetchPage);
  useEffect(() => {
    fetcher.current = fetchPage;
  });

  const read = useCallback(
    (listKey: string, offset: number): void => {
      void fetcher.current(offset).then((result) =>
        // The first page of a new key starts the list; later pages extend it while the key is still shown.
        setList((current) => pageArrived(current?.key === listKey ? current : startList<T>(listKey), listKey, offset, pageSize, result)),
      );
    },
    [pageSize],
  );

  useEffect(() => {
    if (key !== undefined) read(key, 0);
  }, [key, read]);

  const shown = list !== undefined && list.key === key ? list : undefined;
  const onShown = useCallback(
    (lastIndex: number): void => {
      if (!shown || !wantsMore(shown, lastIndex)) return;
      setList({ ...shown, loading: true });
      read(shown.key, shown.items.length);
    },
    [shown, read],
  );
  // Until the first page of a new key comes back, the list reads as being read.
  return { list: shown ?? (key === undefined ? undefined : startList<T>(key)), onShown };
}
