import { scenariosMigration } from './1000-scenarios';
import { eventsMigration } from './1001-events';
import type { Migration } from './migration';

/** In version order; append new ones, never edit an applied one. */
export const migrations: readonly Migration[] = [scenariosMigration, eventsMigration];
