import type { LinkStatus } from '../../../../electron/api/contract';
import { formatBytes, formatCount, formatLag } from './format';
import { linkStateLabel } from './link-status';

export interface StatisticsSection {
  title: string;
  rows: [label: string, value: string][];
}

/** One Replica's figures as the Statistics tab lists them, section by section. */
export function linkStatistics(link: LinkStatus): StatisticsSection[] {
  const sections: StatisticsSection[] = [{ title: 'Status', rows: [['State', linkStateLabel(link.state)]] }];
  if (link.sync) {
    sections.push({
      title: 'Synchronization',
      rows: [
        ['Files compared', formatCount(link.sync.filesCompared)],
        ['Files sent', formatCount(link.sync.filesSent)],
        ['Data sent', formatBytes(link.sync.bytesSent)],
        ['Files removed', formatCount(link.sync.removed)],
      ],
    });
  }
  sections.push(
    {
      title: 'Changes recorded',
      rows: [
        ['Records sent', formatCount(link.recordsSent)],
        ['Data sent', formatBytes(link.bytesSent)],
      ],
    },
    {
      title: 'Data in spool',
      rows: [
        ['Records', formatCount(link.spoolRecords)],
        ['Data', formatBytes(link.spoolBytes)],
      ],
    },
    { title: 'Lag', rows: [['Current lag', formatLag(link.lagMs)]] },
  );
  return sections;
}
