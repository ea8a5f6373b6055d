import { scenariosMigration } from './1000-scenarios';
import { eventsMigration } from './1001-events';
import { registeredScenariosMigration } from './1002-registered-scenarios';
import { backupDevicesMigration } from './1003-backup-devices';
import { backupJobsMigration } from './1004-backup-jobs';
import { backupSessionsMigration } from './1005-backup-sessions';
import { fileCatalogMigration } from './1006-file-catalog';
import { activityLogMigration } from './1007-activity-log';
import { restoreJobsMigration } from './1008-restore-jobs';
import { folderSourcesMigration } from './1009-folder-sources';
import { stagedSessionsMigration } from './1010-staged-sessions';
import type { Migration } from './migration';

/** In version order; append new ones, never edit an applied one. */
export const migrations: readonly Migration[] = [
  scenariosMigration,
  eventsMigration,
  registeredScenariosMigration,
  backupDevicesMigration,
  backupJobsMigration,
  backupSessionsMigration,
  fileCatalogMigration,
  activityLogMigration,
  restoreJobsMigration,
  folderSourcesMigration,
  stagedSessionsMigration,
];
