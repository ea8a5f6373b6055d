// How the benches print numbers: whole numbers with thousands separators, durations with the
// precision their size deserves.

export const int = (value) => Math.round(value).toLocaleString('en');

export const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? `${int(value)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`) : '—');
