// A real backup catalog filled the way backups fill it, shared by the catalog and tree-browse
// benches: a file server's tree of named folders and files, later full backups of it, and each
// backup written as a catalogued session by the catalog's own writer.
import fs from 'node:fs';
import path from 'node:path';
import { requireDist } from './dist.mjs';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'tu', 'sen', 'dor', 'vil', 'quo', 'bra', 'zen', 'pol', 'tri', 'gam', 'fer', 'hul', 'jin', 'xor', 'wex'];
const EXTENSIONS = ['docx', 'xlsx', 'pdf', 'txt', 'jpg', 'log', 'csv', 'pptx', 'zip', 'msg', 'mdf', 'ldf'];

/** A made-up word of 2–4 syllables. */
export function wordOf(next) {
  return Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
}

export function directoryEntry(dir) {
  return { path: dir, kind: 'directory', size: 0, mtimeMs: 1_764_000_000_000, mode: 0x10, sha256: null };
}

/**
 * Appends folders of 10–40 entries under D:\Shares until `entries` holds `count`. A fifth of
 * the names start with "Report "; with `rareLead`, one in a thousand of the others starts with it.
 */
export function addServerFolders(entries, count, next, { sha256, rareLead }) {
  for (let folder = 0; entries.length < count; folder += 1) {
    const dir = `D:\\Shares\\${wordOf(next)}\\${wordOf(next)}-${folder}`;
    entries.push(directoryEntry(dir));
    const size = 10 + Math.floor(next() * 31);
    for (let index = 0; index < size && entries.length < count; index += 1) {
      const lead = next() < 0.2 ? 'Report ' : rareLead && next() < 0.001 ? rareLead : '';
      const name = `${lead}${wordOf(next)}_${Math.floor(next() * 1e7)}.${EXTENSIONS[Math.floor(next() * EXTENSIONS.length)]}`;
      entries.push({ path: `${dir}\\${name}`, kind: 'file', size: Math.floor(next() * 1e6), mtimeMs: 1_764_000_000_000 + index, mode: 0x20, sha256 });
    }
  }
  return entries;
}

/** A later full backup: 3% of the files renamed (new names), the rest as in the first. */
export function nextBackupOf(tree, generation, next) {
  return tree.map((entry) => (entry.kind === 'file' && next() < 0.03 ? { ...entry, path: `${entry.path}.v${generation}` } : entry));
}

/** Bytes of the files directly in `dir` (the catalog and its WAL). */
export function dirBytes(dir) {
  let total = 0;
  for (const name of fs.readdirSync(dir)) {
    const stat = fs.statSync(path.join(dir, name));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

/**
 * A catalog in `tmp/catalog` with `scenario` registered, one disk device, and a backup job
 * claimed from the queue: what sessions are catalogued under (its run and media).
 */
/** A registered FileServer scenario on `host` whose one root is D:\Shares (the file-server fixture's). */
export function benchScenario({ id, name, host }) {
  return {
    id,
    name,
    type: 'FileServer',
    master: { host, port: 25000, roots: ['D:\\Shares'] },
    replicas: [{ id: 'r', host: 'dr', port: 25000, target: 'E:\\R' }],
    entities: [{ name: 'Volume D:', masterPaths: ['D:\\Shares'] }],
    mode: 'suspend',
  };
}

export function openBenchCatalog(bench, tmp, scenario) {
  const { openCatalog } = requireDist(bench, 'engine/catalog/open-catalog.js');
  const { createBackupCatalog } = requireDist(bench, 'engine/backup/catalog/backup-catalog.js');
  const catalogDir = path.join(tmp, 'catalog');
  const db = openCatalog(catalogDir);
  const catalog = createBackupCatalog(db, { now: () => new Date() });
  catalog.scenarios.register(scenario);
  const group = catalog.devices.createGroup('Bench disks');
  const devicePath = path.join(tmp, 'device');
  fs.mkdirSync(devicePath);
  const device = catalog.devices.addDiskDevice({ groupId: group.id, name: 'Bench disk', path: devicePath });
  const job = catalog.jobs.create({ name: 'Back up bench', scenarioIds: [scenario.id], deviceGroupId: group.id, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'admin' });
  const claimed = catalog.jobs.claimNextDue();
  if (!claimed || claimed.job.id !== job.id) throw new Error('the bench job was not claimed');
  const media = catalog.media.create({ deviceId: device.id, runId: claimed.run.id });
  return { db, catalog, catalogDir, devicePath, runId: claimed.run.id, mediaId: media.id };
}

/**
 * One backup session's file rows written into the catalog, as a backup records them: the
 * session begun, its rows added by the catalog's own writer, the session completed. Returns the
 * session and the time the rows took (ms).
 */
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
