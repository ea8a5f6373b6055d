import { isIP } from 'node:net';
import type { FieldErrors } from '../messages/user-error';
import { canonicalHost } from './hosts';
import type { ScenarioDraft } from './model';
import { hasParentSegment, overlaps, pathFlavour } from './paths';

export interface ValidationContext {
  /** Names of the scenarios that already exist (the one being edited excluded). */
  readonly existingNames: readonly string[];
  /** This machine's own names, so `localhost` and its host name count as one host. */
  readonly localNames: readonly string[];
}

const MAX_NAME_LENGTH = 64;
const FORBIDDEN_NAME_CHARACTERS = /[\\/:*?"<>|]/;
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export function validateScenarioName(name: string, existingNames: readonly string[]): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a scenario name.';
  if (trimmed.length > MAX_NAME_LENGTH) return `Use at most ${MAX_NAME_LENGTH} characters.`;
  if (FORBIDDEN_NAME_CHARACTERS.test(trimmed) || /\p{Cc}/u.test(trimmed)) return 'A scenario name cannot contain \\ / : * ? " < > | or control characters.';
  const lower = trimmed.toLowerCase();
  if (existingNames.some((existing) => existing.toLowerCase() === lower)) return `A scenario named "${trimmed}" already exists.`;
  return undefined;
}

export function validateHost(host: string): string | undefined {
  const trimmed = host.trim();
  if (trimmed === '') return 'Enter a host name or IP address.';
  if (isIP(trimmed.replace(/^\[(.*)\]$/, '$1')) !== 0) return undefined;
  // A name of the form #.#.#.# is a mistyped IPv4 address, never a host name (RFC 1123 §2.1).
  const looksNumeric = /^[\d.]+$/.test(trimmed);
  if (!looksNumeric && trimmed.length <= 253 && trimmed.split('.').every((label) => HOST_LABEL.test(label))) return undefined;
  return `"${trimmed}" is not a valid host name or IP address.`;
}

export function validateDirectory(path: string): string | undefined {
  const trimmed = path.trim();
  if (trimmed === '') return 'Enter a directory.';
  if (pathFlavour(trimmed) === undefined) return `"${trimmed}" is not an absolute path (for example C:\\Data or /srv/data).`;
  if (hasParentSegment(trimmed)) return 'A directory cannot contain "..".';
  return undefined;
}

/** Every problem of a draft, keyed by the field it belongs to (`master.roots.0`, `replicas.0.target`…). */
export function validateScenarioDraft(draft: ScenarioDraft, context: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: string, message: string | undefined): void => {
    if (message !== undefined && errors[field] === undefined) errors[field] = message;
  };

  put('name', validateScenarioName(draft.name, context.existingNames));
  put('master.host', validateHost(draft.master.host));

  const roots = draft.master.roots.map((root) => root.trim());
  if (roots.length === 0) put('master.roots', 'Add at least one root directory.');
  roots.forEach((root, index) => {
    put(`master.roots.${index}`, validateDirectory(root));
    const earlier = roots.slice(0, index).find((other) => validateDirectory(other) === undefined && overlaps(root, other));
    if (earlier !== undefined && validateDirectory(root) === undefined) {
      put(`master.roots.${index}`, `Overlaps the root directory "${earlier}"; list each directory once.`);
    }
  });

  if (draft.replicas.length === 0) put('replicas', 'Add at least one Replica.');
  const masterHost = canonicalHost(draft.master.host, context.localNames);
  draft.replicas.forEach((replica, index) => {
    put(`replicas.${index}.host`, validateHost(replica.host));
    const target = replica.target.trim();
    put(`replicas.${index}.target`, validateDirectory(target));
    if (errors[`replicas.${index}.target`] !== undefined) return;
    const replicaHost = canonicalHost(replica.host, context.localNames);
    if (replicaHost === masterHost) {
      const clash = roots.find((root) => validateDirectory(root) === undefined && overlaps(target, root));
      if (clash !== undefined) {
        put(`replicas.${index}.target`, `On the same host, the Replica target cannot be inside the Master root "${clash}" or contain it.`);
      }
    }
    const sibling = draft.replicas
      .slice(0, index)
      .find((other) => canonicalHost(other.host, context.localNames) === replicaHost && validateDirectory(other.target) === undefined && overlaps(target, other.target.trim()));
    if (sibling !== undefined) put(`replicas.${index}.target`, `Overlaps the target of another Replica on the same host ("${sibling.target.trim()}").`);
  });

  return errors;
}
