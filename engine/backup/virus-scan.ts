import { spawn } from 'node:child_process';

export type ScanResult = { kind: 'clean' } | { kind: 'infected'; signature: string } | { kind: 'error'; detail: string };

/** A command-line scanner reading a file's bytes on stdin: ClamAV's clamscan/clamdscan (`-`). */
export interface VirusScanner {
  readonly command: string;
  readonly args: readonly string[];
}

export const DEFAULT_SCANNER: VirusScanner = { command: 'clamscan', args: [] };

/**
 * Passes a file's bytes through unchanged while the scanner reads the same bytes, so a
 * backup scans what it writes without reading the snapshot twice. `result` settles once the
 * scanner has seen the end.
 */
export function scanWhileReading(source: AsyncIterable<Buffer>, scanner: VirusScanner): { stream: AsyncIterable<Buffer>; result: Promise<ScanResult> } {
  const child = spawn(scanner.command, [...scanner.args, '--no-summary', '--stdout', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A scanner that stops reading (or is missing) must not stop the backup: its input errors are ignored.
  child.stdin.on('error', () => undefined);
  const result = new Promise<ScanResult>((resolve) => {
    child.once('error', (error) => resolve({ kind: 'error', detail: `${scanner.command}: ${error.message}` }));
    child.once('close', (code) => {
      const found = /:\s*(.+?)\s+FOUND/.exec(output);
      if (code === 1 && found?.[1]) resolve({ kind: 'infected', signature: found[1] });
      else if (code === 0) resolve({ kind: 'clean' });
      else resolve({ kind: 'error', detail: `${scanner.command} exited with ${code}: ${output.trim().split('\n').pop() ?? ''}` });
    });
  });
  async function* stream(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of source) {
        if (child.stdin.writable && !child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve).once('close', resolve));
        yield chunk;
      }
    } finally {
      child.stdin.end();
    }
  }
  return { stream: stream(), result };
}
