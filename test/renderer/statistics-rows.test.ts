import { describe, expect, it } from 'vitest';
import { linkStatistics } from '../../renderer/src/windows/replication-manager/statistics-rows';
import { link } from './live-fixtures';

describe('Statistics tab per Replica', () => {
  it('lists state, changes sent, spool and lag, formatted', () => {
    const sections = linkStatistics(link({ recordsSent: 12345, bytesSent: 3 * 1024 * 1024, spoolRecords: 7, spoolBytes: 2048, lagMs: 1500 }));
    expect(sections).toEqual([
      { title: 'Status', rows: [['State', 'Replicating']] },
      { title: 'Changes recorded', rows: [['Records sent', '12,345'], ['Data sent', '3.0 MB']] },
      { title: 'Data in spool', rows: [['Records', '7'], ['Data', '2.0 KB']] },
      { title: 'Lag', rows: [['Current lag', '1.5 s']] },
    ]);
  });

  it('adds synchronization progress while and after synchronizing', () => {
    const sections = linkStatistics(link({ state: 'synchronizing', sync: { filesCompared: 1000, filesSent: 40, bytesSent: 512, removed: 2 } }));
    expect(sections.map((section) => section.title)).toEqual(['Status', 'Synchronization', 'Changes recorded', 'Data in spool', 'Lag']);
    expect(sections[1]?.rows).toEqual([
      ['Files compared', '1,000'],
      ['Files sent', '40'],
      ['Data sent', '512 B'],
      ['Files removed', '2'],
    ]);
  });
});
