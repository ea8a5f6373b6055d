import { create } from 'zustand';
import type { ErrorInfo, Result } from '../../../electron/api/contract';
import { api } from '../api/api';
import type { BackupSource, DeviceGroup, DiskDeviceDraft, FolderSourceDraft, HostCredentials, JobHost, SourceEntity } from '../windows/backup-manager/backup-types';
import { defaultGroupId, EMPTY_DESTINATION, type DestinationForm } from '../windows/backup-manager/job-draft';
import { DEFAULT_OPTIONS, type OptionsErrors, type OptionsForm } from '../windows/backup-manager/options-form';
import { DEFAULT_SCHEDULE, type ScheduleErrors, type ScheduleForm } from '../windows/backup-manager/schedule-form';
import { replicasToAskFor } from '../windows/backup-manager/security-rows';
import { keepRegistered, toggleScenario } from '../windows/backup-manager/source-selection';
import { DEFAULT_STAGING, fitStagingGroup, type StagingErrors, type StagingForm } from '../windows/backup-manager/staging-form';

export const BACKUP_TABS = ['Source', 'Staging', 'Destination', 'Schedule', 'Options'] as const;
export type BackupTab = (typeof BACKUP_TABS)[number];

/** A scenario node of the Source tree: closed (absent), being opened, or open with its entities. */
export type Expansion = { state: 'opening' } | { state: 'open'; entities: SourceEntity[] };

interface BackupManagerState {
  tab: BackupTab;
  /** The registered scenarios and folder sources; undefined until the first answer. */
  sources: BackupSource[] | undefined;
  /** The sources (scenarios and folders) checked for the job, in the order they were checked. */
  selected: string[];
  /** The source whose properties the right pane shows. */
  focused: string | undefined;
  expansions: Readonly<Record<string, Expansion>>;
  /** Why opening a scenario failed (AE0459 …), by scenario; it stays closed. */
  expandErrors: Readonly<Record<string, ErrorInfo>>;
  /** The Replica agents whose credentials opening a scenario asks for (the dialog is open while set). */
  asking: { scenarioId: string; hosts: string[] } | undefined;
  /** Each scenario's Master and Replica hosts with their stored credentials (properties pane). */
  hosts: Readonly<Record<string, JobHost[]>>;
  groups: DeviceGroup[] | undefined;
  destination: DestinationForm;
  /** The Staging tab; its group is kept valid (never the destination) as groups and the destination change. */
  staging: StagingForm;
  stagingErrors: StagingErrors;
  schedule: ScheduleForm;
  scheduleErrors: ScheduleErrors;
  /** Submit on hold: the job waits in the queue until released. */
  hold: boolean;
  /** Includes the session password until the job is submitted (never stored beyond that). */
  options: OptionsForm;
  optionsErrors: OptionsErrors;
  /** Why reading the sources, devices or hosts failed. */
  error: ErrorInfo | undefined;
  /** The job the last Submit queued. */
  submitted: { jobId: number; name: string } | undefined;
  showTab(tab: BackupTab): void;
  refresh(): Promise<void>;
  toggleSelected(id: string): void;
  focus(id: string): void;
  /** Opens a scenario: asks for Replica credentials first when the manager holds none, else lists its entities. */
  expand(id: string): Promise<void>;
  collapse(id: string): void;
  /** Lists a scenario's entities with these credentials; opens it when the Replica agent accepted them. */
  listEntities(id: string, credentials: HostCredentials[]): Promise<Result<SourceEntity[]>>;
  cancelAsking(): void;
  loadHosts(id: string): Promise<void>;
  forgetCredentials(scenarioId: string, host: string): Promise<void>;
  /** Source → Folders → Add folder…: on success the folder is listed and shown. */
  addFolder(draft: FolderSourceDraft, credentials: HostCredentials[]): Promise<Result<BackupSource>>;
  /** Removes a folder source (its sessions stay restorable) and reads the sources again. */
  removeSource(id: string): Promise<Result<unknown>>;
  /** New disk device…: on success the device groups are read again (the caller chooses the group). */
  addDiskDevice(draft: DiskDeviceDraft): Promise<Result<DeviceGroup>>;
  setDestination(patch: Partial<DestinationForm>): void;
  setStaging(patch: Partial<StagingForm>): void;
  setStagingErrors(errors: StagingErrors): void;
  setSchedule(patch: Partial<ScheduleForm>): void;
  setScheduleErrors(errors: ScheduleErrors): void;
  setHold(hold: boolean): void;
  setOptions(patch: Partial<OptionsForm>): void;
  setOptionsErrors(errors: OptionsErrors): void;
  /** After Submit: the status line names the job, and the typed session password is dropped. */
  setSubmitted(job: { jobId: number; name: string }): void;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

/** The Backup Manager's slice: what is chosen on each tab; the engine is asked through the API client. */
export const useBackupManager = create<BackupManagerState>((set, get) => ({
  tab: 'Source',
  sources: undefined,
  selected: [],
  focused: undefined,
  expansions: {},
  expandErrors: {},
  asking: undefined,
  hosts: {},
  groups: undefined,
  destination: EMPTY_DESTINATION,
  staging: DEFAULT_STAGING,
  stagingErrors: {},
  schedule: DEFAULT_SCHEDULE,
  scheduleErrors: {},
  hold: false,
  options: DEFAULT_OPTIONS,
  optionsErrors: {},
  error: undefined,
  submitted: undefined,
  showTab: (tab) => set({ tab }),
  async refresh() {
    const [sources, groups] = await Promise.all([api.invoke('backup.sources', {}), api.invoke('backup.devices', {})]);
    if (!sources.ok) return set({ error: sources.error });
    if (!groups.ok) return set({ error: groups.error });
    const { selected, focused, destination: shownDestination, staging } = get();
    const registered = sources.value.some((source) => source.id === focused);
    const chosenGroup = groups.value.some((group) => group.id === shownDestination.deviceGroupId);
    const destination = chosenGroup ? shownDestination : { ...shownDestination, deviceGroupId: defaultGroupId(groups.value) };
    set({
      sources: sources.value,
      selected: keepRegistered(selected, sources.value),
      // The first scenario, else the first folder, when the one shown is gone.
      focused: registered ? focused : (sources.value.find((source) => source.source === 'scenario') ?? sources.value[0])?.id,
      groups: groups.value,
      destination,
      staging: fitStagingGroup(staging, groups.value, destination.deviceGroupId),
      error: undefined,
    });
    const shown = get().focused;
    if (shown !== undefined) await get().loadHosts(shown);
  },
  toggleSelected(id) {
    set({ selected: toggleScenario(get().selected, id) });
    get().focus(id);
  },
  focus(id) {
    if (get().focused === id) return;
    set({ focused: id });
    void get().loadHosts(id);
  },
  async expand(id) {
    set({ expansions: { ...get().expansions, [id]: { state: 'opening' } }, expandErrors: without(get().expandErrors, id) });
    const hosts = await api.invoke('backup.job-hosts', { scenarioIds: [id] });
    if (!hosts.ok) return set({ expansions: without(get().expansions, id), expandErrors: { ...get().expandErrors, [id]: hosts.error } });
    set({ hosts: { ...get().hosts, [id]: hosts.value } });
    const ask = replicasToAskFor(hosts.value);
    if (ask.length > 0) return set({ asking: { scenarioId: id, hosts: ask } });
    const listed = await get().listEntities(id, []);
    if (!listed.ok) set({ expandErrors: { ...get().expandErrors, [id]: listed.error } });
  },
  collapse: (id) => set({ expansions: without(get().expansions, id), expandErrors: without(get().expandErrors, id) }),
  async listEntities(id, credentials) {
    const result = await api.invoke('backup.source-entities', { scenarioId: id, credentials });
    if (result.ok) {
      set({ expansions: { ...get().expansions, [id]: { state: 'open', entities: result.value } }, asking: get().asking?.scenarioId === id ? undefined : get().asking });
      // Credentials the agent accepted are stored: the properties pane says so.
      if (credentials.length > 0) void get().loadHosts(id);
    } else if (get().asking?.scenarioId !== id) {
      set({ expansions: without(get().expansions, id) });
    }
    return result;
  },
  cancelAsking() {
    const asking = get().asking;
    if (asking) set({ asking: undefined, expansions: without(get().expansions, asking.scenarioId) });
  },
  async loadHosts(id) {
    const result = await api.invoke('backup.job-hosts', { scenarioIds: [id] });
    if (result.ok) set({ hosts: { ...get().hosts, [id]: result.value } });
    else set({ error: result.error });
  },
  async forgetCredentials(scenarioId, host) {
    const result = await api.invoke('credentials.forget', { host });
    if (!result.ok) set({ error: result.error });
    await get().loadHosts(scenarioId);
  },
  async addFolder(draft, credentials) {
    const result = await api.invoke('backup.add-folder', { ...draft, credentials });
    if (!result.ok) return result;
    await get().refresh();
    get().focus(result.value.id);
    return result;
  },
  async removeSource(id) {
    const result = await api.invoke('backup.remove-source', { id });
    if (result.ok) {
      set({ selected: get().selected.filter((chosen) => chosen !== id), focused: get().focused === id ? undefined : get().focused });
      await get().refresh();
    }
    return result;
  },
  async addDiskDevice(draft) {
    const result = await api.invoke('backup.add-disk-device', draft);
    if (!result.ok) return result;
    const groups = await api.invoke('backup.devices', {});
    const listed = groups.ok ? groups.value : [...(get().groups ?? []).filter((group) => group.id !== result.value.id), result.value];
    set({ groups: listed, staging: fitStagingGroup(get().staging, listed, get().destination.deviceGroupId) });
    return result;
  },
  setDestination(patch) {
    const destination = { ...get().destination, ...patch };
    set({ destination, staging: fitStagingGroup(get().staging, get().groups ?? [], destination.deviceGroupId) });
  },
  setStaging: (patch) => set({ staging: fitStagingGroup({ ...get().staging, ...patch }, get().groups ?? [], get().destination.deviceGroupId), stagingErrors: {} }),
  setStagingErrors: (stagingErrors) => set({ stagingErrors }),
  setSchedule: (patch) => set({ schedule: { ...get().schedule, ...patch }, scheduleErrors: {} }),
  setScheduleErrors: (scheduleErrors) => set({ scheduleErrors }),
  setHold: (hold) => set({ hold }),
  setOptions: (patch) => set({ options: { ...get().options, ...patch }, optionsErrors: {} }),
  setOptionsErrors: (optionsErrors) => set({ optionsErrors }),
  setSubmitted: (submitted) => set({ submitted, options: { ...get().options, password: '', confirm: '' } }),
}));
