import type { ReactElement } from 'react';
import { ICON_PATHS, type IconName } from './icon-paths';

export type { IconName };

/** Line icons drawn inline, so they render identically offline and in every shell. */
export function Icon({ name, className, title }: { name: IconName; className?: string; title?: string }): ReactElement {
  return (
    <svg
      className={`icon icon-${name}${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={title ? 'img' : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : true}
    >
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
