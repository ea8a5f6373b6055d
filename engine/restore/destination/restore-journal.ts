import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * What an unfinished restore has put on this host's disk: the folders holding its temporary
 * files (named with the restore's own prefix) and the folders it created, one JSON line each,
 * appended before the first such file or the folder is created. A restore
 * that ends (commit or abort) removes its journal; one the engine did not live to end is
 * undone at the next start from what its journal lists, so nothing half-done stays behind.
 */
const LineSchema = z.discriminatedUnion('kind', [
  /** A folder holding this restore's temporary files: every name in it starting with `prefix`. */
  z.object({ kind: z.literal('temps'), dir: z.string(), prefix: z.string().min(8) }),
  z.object({ kind: z.literal('directory'), path: z.string() }),
  z.object({ kind: z.literal('committing') }),
]);
type Line = z.infer<typeof LineSchema>;

export class RestoreJournal {
  private constructor(readonly file: string) {}

  static async create(dir: string, restoreId: string): Promise<RestoreJournal> {
    await fs.mkdir(dir, { recursive: true });
    const journal = new RestoreJournal(path.join(dir, `${restoreId}.jsonl`));
    await fs.writeFile(journal.file, '', { flag: 'wx' });
    return journal;
  }

  async note(line: Line): Promise<void> {
    await fs.appendFile(this.file, `${JSON.stringify(line)}\n`);
  }

  async remove(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}

/**
 * At start-up: undoes every restore a previous process left unfinished. Temporary files are
 * removed and created folders removed when empty. A restore that had begun renaming files
 * into place keeps what it renamed (each file is whole); only its leftovers go.
 */
export async function undoUnfinishedRestores(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let undone = 0;
  for (const name of names.filter((candidate) => candidate.endsWith('.jsonl'))) {
    await undoJournal(path.join(dir, name));
    undone += 1;
  }
  return undone;
}

/** Removes what one restore's journal lists, then the journal. */
export async function undoJournal(file: string): Promise<void> {
  await removeLeftovers(parseLines(await fs.readFile(file, 'utf8').catch(() => '')));
  await fs.rm(file, { force: true });
}

/** Removes what `lines` created: temporary files, then created folders deepest first (only empty ones). */
async function removeLeftovers(lines: readonly Line[]): Promise<void> {
  for (const line of lines) {
    if (line.kind !== 'temps') continue;
    const names = await fs.readdir(line.dir).catch(() => [] as string[]);
    for (const name of names) if (name.startsWith(line.prefix)) await fs.rm(path.join(line.dir, name), { force: true });
  }
  const directories = lines.flatMap((line) => (line.kind === 'directory' ? [line.path] : [])).sort((a, b) => b.length - a.length);
  for (const directory of directories) await fs.rmdir(directory).catch(() => undefined);
}

function parseLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      const parsed = LineSchema.safeParse(JSON.parse(raw));
      if (parsed.success) lines.push(parsed.data);
    } catch {
      // A line cut short by the crash names nothing that was created: it is written before.
    }
  }
  return lines;
}
