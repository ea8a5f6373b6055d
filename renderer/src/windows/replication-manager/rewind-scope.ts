import { childPath, separatorOf } from './directory-paths';
import { masterPath } from './rewind-points';

/** "Only files under": off, or a Master root (by its index in the scenario) and a folder below it. */
export interface RewindScopeForm {
  enabled: boolean;
  /** Index into the scenario's Master roots, as the select's value. */
  root: string;
  path: string;
}

export const NO_SCOPE: RewindScopeForm = { enabled: false, root: '0', path: '' };

export interface RewindScope {
  root: number;
  /** Below the root, '/' separators; '' = the whole root. */
  path: string;
}

export type RewindScopeParse = { ok: true; scope: RewindScope | undefined } | { ok: false; error: string };

/**
 * The scope as the engine takes it. The folder may be typed below the root ("reports/q1")
 * or as a full Master path under the chosen root ("/srv/finance/reports/q1").
 */
export function parseRewindScope(form: RewindScopeForm, roots: readonly string[]): RewindScopeParse {
  if (!form.enabled) return { ok: true, scope: undefined };
  const root = Number(form.root);
  const rootPath = roots[root];
  if (!Number.isInteger(root) || rootPath === undefined) return { ok: false, error: 'Choose one of the scenario’s root directories.' };
  let text = form.path.trim();
  const prefix = childPath(rootPath, '');
  const windows = separatorOf(rootPath) === '\\';
  const same = (a: string, b: string): boolean => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (same(text, rootPath)) text = '';
  else if (same(text.slice(0, prefix.length), prefix)) text = text.slice(prefix.length);
  else if (/^([A-Za-z]:|[\\/])/.test(text)) return { ok: false, error: `Enter a folder inside ${rootPath}.` };
  const segments = text.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { ok: false, error: `Enter a folder inside ${rootPath} (without "..").` };
  return { ok: true, scope: { root, path: segments.join('/') } };
}

/** The scope's folder as the Master writes it, for the confirmation. */
export function scopeFolder(scope: RewindScope | undefined, roots: readonly string[]): string | undefined {
  return scope === undefined ? undefined : masterPath(roots, scope.root, scope.path);
}
