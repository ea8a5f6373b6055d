import type { EngineEvent, Severity } from '../../../../electron/api/contract';

/** Keeps the events whose text, host or code contains the query and whose severity is chosen. */
export function filterEvents(events: readonly EngineEvent[], query: string, severity: Severity | 'all'): EngineEvent[] {
  const needle = query.trim().toLowerCase();
  return events.filter(
    (event) =>
      (severity === 'all' || event.severity === severity) &&
      (needle === '' ||
        event.text.toLowerCase().includes(needle) ||
        event.host.toLowerCase().includes(needle) ||
        (event.code ?? '').toLowerCase().includes(needle)),
  );
}
