// A bench's cases: BENCH_CASES (comma list) or its defaults, each checked against what it knows.

export function chosenCases(all, defaults = all) {
  const cases = (process.env.BENCH_CASES ?? defaults.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of cases) if (!all.includes(name)) throw new Error(`unknown case ${name}; known: ${all.join(', ')}`);
  return cases;
}
