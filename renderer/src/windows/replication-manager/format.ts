const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Bytes as an administrator reads them: 1024-based units, one decimal below 100 of a unit. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  let text = value < 100 ? value.toFixed(1) : value.toFixed(0);
  // 1023.96 KB would read "1024 KB": move to the next unit instead.
  if (Number(text) >= 1024 && unit < UNITS.length - 1) {
    unit += 1;
    text = (value / 1024).toFixed(1);
  }
  return `${text} ${UNITS[unit]}`;
}

/** Replication lag: milliseconds below a second, seconds below a minute, then minutes and hours. */
export function formatLag(ms: number): string {
  return formatDuration(ms);
}

/** How long something took (a rewind, a test step): ms below a second, seconds below a minute, then minutes and hours. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Whole counts with thousands separators, independent of the page's locale. */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? Math.round(count).toLocaleString('en-US') : '—';
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** A modification time as "YYYY-MM-DD HH:MM" in this machine's time zone: sortable, and the same in every locale. */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A point in time to the second, "YYYY-MM-DD HH:MM:SS" in this machine's time zone: rewind points are seconds apart. */
export function formatDateTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const date = new Date(ms);
  return `${formatTimestamp(ms)}:${pad(date.getSeconds())}`;
}
