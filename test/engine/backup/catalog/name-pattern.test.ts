import { describe, expect, it } from 'vitest';
import { extensionOf, planNameSearch, prefixRange, trigramQuery, type NamePlan } from '../../../../engine/backup/catalog/name-pattern';

describe('planNameSearch', () => {
  it.each<[string, NamePlan]>([
    ['*.mdf', { access: 'extension', ext: 'mdf', glob: '*.mdf' }],
    ['*.MDF', { access: 'extension', ext: 'mdf', glob: '*.mdf' }],
    ['*.tar.gz', { access: 'extension', ext: 'gz', glob: '*.tar.gz' }],
    ['db*.c', { access: 'extension', ext: 'c', glob: 'db*.c' }],
    ['Report*', { access: 'prefix', from: 'report', to: 'reporu', glob: 'report*' }],
    ['ab*', { access: 'prefix', from: 'ab', to: 'ac', glob: 'ab*' }],
    ['file?.txt', { access: 'prefix', from: 'file', to: 'filf', glob: 'file?.txt' }],
    ['budget', { access: 'trigrams', match: '"bud" AND "udg" AND "dge" AND "get"', glob: '*budget*' }],
    ['*report*.pdf', { access: 'trigrams', match: '"rep" AND "epo" AND "por" AND "ort"', glob: '*report*.pdf' }],
    ['*_2024', { access: 'trigrams', match: '"_20" AND "202" AND "024"', glob: '*_2024' }],
    ['*a?b*', { access: 'scan', glob: '*a?b*' }],
    ['ab', { access: 'scan', glob: '*ab*' }],
    ['[draft]', { access: 'trigrams', match: '"[dr" AND "dra" AND "raf" AND "aft" AND "ft]"', glob: '*[[]draft]*' }],
    ['say "hi"', { access: 'trigrams', match: '"say" AND "ay " AND "y """ AND " ""h" AND """hi" AND "hi"""', glob: '*say "hi"*' }],
  ])('%j → %j', (pattern, plan) => {
    expect(planNameSearch(pattern)).toEqual(plan);
  });

  it('spreads at most 16 trigrams over a long literal', () => {
    const terms = trigramQuery('abcdefghijklmnopqrstuvwxyz0123456789').split(' AND ');
    expect(terms.length).toBeLessThanOrEqual(16);
    expect(terms[0]).toBe('"abc"');
  });

  it('ranges a prefix in code point order, past the surrogate gap', () => {
    expect(prefixRange('a')).toEqual({ from: 'a', to: 'b' });
    expect(prefixRange('x\uD7FF')).toEqual({ from: 'x\uD7FF', to: 'x\uE000' });
    expect(prefixRange('😀')).toEqual({ from: '😀', to: '😁' });
  });

  it.each([
    ['a.tar.gz', 'gz'],
    ['.bashrc', 'bashrc'],
    ['makefile', ''],
    ['trailing.', ''],
  ])('the extension of %j is %j', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});
