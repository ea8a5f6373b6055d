import type { ReactElement, ReactNode } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { Loadable } from './use-invoke';

interface TreeListingProps<T> {
  listing: Loadable<T[]>;
  level: number;
  /** Said when the answer is an empty list. */
  empty: string;
  children(items: T[]): ReactNode;
}

/** The children of an expanded node: being listed, refused (the error), none, or the nodes themselves. */
export function TreeListing<T>({ listing, level, empty, children }: TreeListingProps<T>): ReactElement {
  const style = { paddingLeft: 4 + (level - 1) * 18 + 22 };
  if (listing.state === 'loading')
    return (
      <li role="none" className="restore-tree-note" style={style}>
        Listing…
      </li>
    );
  if (listing.state === 'failed')
    return (
      <li role="none" style={style}>
        <ErrorBanner error={listing.error} />
      </li>
    );
  if (listing.value.length === 0)
    return (
      <li role="none" className="restore-tree-note" style={style}>
        {empty}
      </li>
    );
  return <>{children(listing.value)}</>;
}
