// One backup session's file rows written into a real catalog, as a backup records them: the
// session begun, its rows added by the catalog's own writer, the session completed. Shared by
// the catalog and tree-browse benches. Returns the session and the time the rows took (ms).
export function catalogueSession(catalog, { runId, scenarioId, host, mediaId, devicePath, entries, sha256 }) {
  const session = catalog.sessions.begin({
    runId,
    scenarioId,
    masterHost: host,
    entity: 'Volume D:',
    mediaId,
    devicePath,
    archiveFile: (number) => `S${String(number).padStart(8, '0')}.tar.gz`,
    compression: 'gzip',
    encryption: null,
  });
  const t0 = performance.now();
  const writer = catalog.files.writer(session.number);
  for (const entry of entries) writer.add(entry);
  writer.flush();
  catalog.sessions.complete(session.number, { archiveSize: 1, sha256, ...writer.totals() });
  return { session, ms: performance.now() - t0 };
}
