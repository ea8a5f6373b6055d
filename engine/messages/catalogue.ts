/**
 * Every message a user can see carries a code, the module that raised it, the likely
 * reason and the suggested action (SPEC.md, Messages). E1xxx are the Replication
 * Manager's own codes; E33xx and AE04xx are the backup integration's codes from SPEC.md.
 */
export interface MessageDefinition {
  readonly module: string;
  readonly title: string;
  readonly reason: string;
  readonly action: string;
}

export const catalogue = {
  E1001: {
    module: 'Scenario manager',
    title: 'The scenario definition is not valid',
    reason: 'One or more fields of the scenario are missing or contradict each other.',
    action: 'Correct the fields marked in the dialog and save again.',
  },
  E1002: {
    module: 'Scenario manager',
    title: 'Scenario not found',
    reason: 'The scenario was removed, possibly from another manager.',
    action: 'Refresh the Scenario pane and choose an existing scenario.',
  },
  E1003: {
    module: 'Manager connection',
    title: 'The request was refused as malformed',
    reason: 'The manager sent a request the engine does not understand (version mismatch or a damaged message).',
    action: 'Make sure the manager and the engine are the same version, then retry.',
  },
  E1004: {
    module: 'Catalog',
    title: 'The catalog cannot be opened',
    reason: 'The catalog database file is missing, damaged, locked by another program, or its SQLite driver was not built for this runtime.',
    action: 'Check the data folder and its permissions; for the desktop app, rebuild native modules for Electron (see README).',
  },
  E1005: {
    module: 'Catalog',
    title: 'The catalog was created by a newer version of Understudy',
    reason: 'Its schema has migrations this version does not know, so writing to it could damage it.',
    action: 'Install the newer version of Understudy, or open a different data folder.',
  },
  E1007: {
    module: 'Scenario manager',
    title: 'Stop the scenario first',
    reason: 'Properties and removal apply only to a stopped scenario; the engines are acting on the running one.',
    action: 'Stop the scenario, make the change, then run it again.',
  },
  E1008: {
    module: 'Scenario manager',
    title: 'Engine credentials needed',
    reason: 'The scenario uses a host other than this one, and the manager has no administrator credentials for its engine.',
    action: "Enter the engine administrator's user name and password for that host when running the scenario.",
  },
  W1009: {
    module: 'Scenario manager',
    title: 'Stored engine credentials could not be read',
    reason: 'The sealed credentials file was made with another key (another OS account or machine, a deleted key file or a reset keyring) or is damaged.',
    action: 'Enter the engine credentials again where they are asked for (Run, Backup Manager → Security); they are stored anew.',
  },
  E1099: {
    module: 'Engine',
    title: 'Internal error',
    reason: 'An unexpected condition occurred inside the engine; the operation was not carried out.',
    action: 'Retry the operation; if it persists, send the engine log to support.',
  },
  E1101: {
    module: 'Replica',
    title: "Path rejected: outside the Replica's target root or not storable on every platform",
    reason:
      "A change named a path that is absolute, climbs out with '..', passes through a symbolic link or junction, or uses a name Windows cannot store (a device name such as CON, ':', a trailing dot or space, a control character).",
    action:
      "Nothing was written. Remove links planted in the Replica's target directory; rename such files on the Master or exclude them from the scenario, then resynchronize.",
  },
  E1102: {
    module: 'Replica',
    title: 'The Replica has diverged from the Master',
    reason:
      "A change could not be applied because the Replica's files are not in the state the Master had (a renamed item is missing at both ends, a file stands where the Master has a directory), usually because something else wrote to the Replica.",
    action: "Resynchronize the scenario; keep other programs from writing to the Replica's target directory.",
  },
  E1103: {
    module: 'Replica',
    title: 'The Replica cannot write to its target directory',
    reason: "The disk holding the target directory is full or read-only, or the engine's account may not write there.",
    action: "Free disk space or give the engine's service account full control of the target directory, then resume the scenario.",
  },
  E1104: {
    module: 'Replica',
    title: 'A change names a Master root directory this Replica does not have',
    reason: 'The Master and the Replica run different versions of the scenario (a root directory was added or removed on one side only).',
    action: 'Restart the scenario so both engines use the same definition; a resynchronization follows.',
  },
  W1105: {
    module: 'Replica',
    title: "Replica data changed outside replication",
    reason: 'A program or a user wrote to the Replica target directly; the Replica is meant to be changed only by replication, so its copy may no longer match the Master.',
    action: 'Find what wrote there and stop it; run a synchronization (or a Difference report) to bring the Replica back in line.',
  },
  E1201: {
    module: 'Engine connection',
    title: 'Authentication failed',
    reason: 'The user name or password (or the scenario\'s replication token) was not accepted by the engine.',
    action: 'Check the engine administrator credentials for that host; re-run the scenario to issue a new replication token.',
  },
  E1202: {
    module: 'Engine connection',
    title: 'The peer sent a malformed or oversized message',
    reason: 'The message did not follow the Understudy engine protocol (damaged, too large, or not from an Understudy engine).',
    action: 'Check that the port belongs to an Understudy engine of the same version; the connection was closed.',
  },
  E1203: {
    module: 'Engine connection',
    title: 'Incompatible engine protocol version',
    reason: 'The two engines speak different protocol versions.',
    action: 'Upgrade the older engine so both run the same Understudy version.',
  },
  E1204: {
    module: 'Engine connection',
    title: 'Cannot reach the engine',
    reason: 'The host name does not resolve, the engine is not running, or a firewall blocks its port (default 25000).',
    action: 'Start the engine on that host (understudy-engine), check the host name and port, and open the port in the firewall.',
  },
  E1205: {
    module: 'Engine connection',
    title: "The engine's certificate does not match the one trusted for this host",
    reason: 'The engine was reinstalled, or another machine is answering for this host name (possible interception).',
    action: 'If the engine was reinstalled, remove its entry from the trusted engines list and connect again; otherwise investigate the network.',
  },
  E1206: {
    module: 'Engine connection',
    title: 'The request is not allowed for this connection',
    reason: 'The connection is authenticated for one scenario\'s replication only, or the channel does not exist.',
    action: 'Connect with the engine administrator account for management operations.',
  },
  E1301: {
    module: 'Spool',
    title: 'Queue overflow',
    reason: "A Replica's spool on the Master reached its size limit or the disk's minimum free space while the Replica was disconnected, suspended or slower than the changes.",
    action: 'The Replica will be resynchronized when it is reachable. Raise the spool limits (at least 10% of the data set) or free disk space on the Master.',
  },
  E1401: {
    module: 'Capture',
    title: 'Not enough inotify watches to replicate this root',
    reason: 'Linux limits how many files and folders one user may watch (fs.inotify.max_user_watches); this root needs more than the limit allows.',
    action: 'Raise the limit as shown (and persist it in /etc/sysctl.d/), then start the scenario again.',
  },
  E1402: {
    module: 'Capture',
    title: 'The block index cannot be opened',
    reason: 'The index database is missing, damaged, locked, or its SQLite driver was not built for this runtime.',
    action: 'Check the engine data folder and its permissions; deleting the index forces a full resynchronization.',
  },
  E1403: {
    module: 'Capture',
    title: 'The file system watcher reported an error',
    reason: 'The operating system stopped reporting changes for part of a Master root (permissions, limits or a removed folder).',
    action: 'Check the folder named in the message; run a synchronization after fixing it.',
  },
  E1404: {
    module: 'Capture',
    title: 'A Master root directory is missing',
    reason: 'The root was removed, renamed or unmounted while the scenario was running.',
    action: 'Restore the directory or edit the scenario, then run a synchronization.',
  },
  E1501: {
    module: 'Data Rewind',
    title: 'The rewind point cannot be reached',
    reason: 'The point is older than the rewind journal keeps (trimmed by its retention period or size), or it no longer exists.',
    action: 'Choose a more recent rewind point; raise the retention period or maximum journal size in the Recovery properties to keep points longer.',
  },
  E1502: {
    module: 'Data Rewind',
    title: 'A snapshot needs the changes this rewind would undo',
    reason: 'A snapshot taken after the chosen rewind point reads its data from journal entries the rewind would remove.',
    action: 'Release the snapshot named in the message (Framework pane, Snapshots) or choose a point after it.',
  },
  E1503: {
    module: 'Data Rewind',
    title: 'The Replica is busy with another operation',
    reason: 'A rewind, an Assured Recovery test or a synchronization is already running on this Replica.',
    action: 'Wait for it to finish (see the Events pane), then retry.',
  },
  E1504: {
    module: 'Snapshots',
    title: 'Snapshot not found',
    reason: 'The snapshot was released (by a user, a backup, or the "Number of snapshots to keep" rule) or never existed on this Replica.',
    action: 'Refresh the snapshot list and choose an existing snapshot.',
  },
  E1505: {
    module: 'Snapshots',
    title: 'The Replica is not synchronized',
    reason: 'A snapshot or Assured Recovery test needs a complete copy; the Replica is synchronizing or waits for a resynchronization.',
    action: 'Run the scenario and wait until the Replica shows Replicating, then retry.',
  },
  E1506: {
    module: 'Assured Recovery',
    title: 'Assured Recovery is not configured for this scenario',
    reason: 'Integrity testing is off or no test command is set in the scenario properties.',
    action: 'Turn on Assured Recovery and set at least a start or verify command in the Properties tab, then run the scenario again.',
  },
  E1507: {
    module: 'Assured Recovery',
    title: 'The Assured Recovery test failed',
    reason: 'A test command exited with an error or did not finish within the time limit; the Replica was rolled back and replication resumed.',
    action: 'Read the AR report (commands, exit codes, output) and fix the application or the commands.',
  },
  E1508: {
    module: 'Data Rewind',
    title: 'This folder cannot be rewound on its own',
    reason: 'An item was moved between this folder and another one after the rewind point.',
    action: 'Rewind a common parent folder (or the whole Replica) instead.',
  },
  E1509: {
    module: 'Snapshots',
    title: 'The snapshot path cannot be exported',
    reason: 'The destination is not an empty folder outside the Replica, or the path does not exist in the snapshot.',
    action: 'Choose a path that exists in the snapshot and a new or empty destination folder outside the Replica data.',
  },
  E1510: {
    module: 'Data Rewind',
    title: 'Bookmarks can be set only while the scenario runs',
    reason: 'A bookmark marks the current position of replication; a stopped scenario has none.',
    action: 'Run the scenario, then set the bookmark.',
  },
  E1511: {
    module: 'Assured Recovery',
    title: 'No Assured Recovery test is running on this Replica',
    reason: 'The test finished (or was never started) before the stop request arrived.',
    action: 'See the last report in the Host pane; nothing needs to be stopped.',
  },
  E1207: {
    module: 'Engine connection',
    title: 'The engine cannot listen on its port',
    reason: 'Another engine or program already uses the port, or this account may not open it.',
    action: 'Stop the other engine (one engine per host) or choose another port: --engine-port for the app and the console, --port for understudy-engine.',
  },
  E3370: {
    module: 'Backup task',
    title: 'Cannot read or parse the scenario definition for a backup',
    reason: 'The scenario registered in the catalog could not be read from its Replica or is damaged.',
    action: 'Check that the Replica is reachable and the scenario exists, then re-register it by running it.',
  },
  E3371: {
    module: 'Restore task',
    title: "Cannot find a session's physical path in the catalog",
    reason: 'The media or session recorded in the catalog is missing from its device.',
    action: 'Check that the device holding the media is available, or merge the media again.',
  },
  E3372: {
    module: 'Restore task',
    title: 'The session password is wrong',
    reason: 'The session was encrypted with another password (the key check stored in the session does not match).',
    action: 'Enter the password given when the backup job ran; without it the session cannot be read.',
  },
  E3373: {
    module: 'Restore task',
    title: 'The backup session is damaged',
    reason: 'A checksum stored in the session does not match its data: the media was changed, truncated or damaged after the backup.',
    action: 'Restore from another session of the same data, and check the device (disk errors, free space, other programs writing to it).',
  },
  E3374: {
    module: 'Job queue',
    title: 'The job is not in the job queue',
    reason: 'The job was deleted, possibly from another manager, or the list shown is out of date.',
    action: 'Refresh the job queue and choose an existing job.',
  },
  E3375: {
    module: 'Job queue',
    title: 'The job is running',
    reason: 'A running job cannot be modified, held or deleted.',
    action: 'Stop (cancel) the job first, or wait until it finishes.',
  },
  E3376: {
    module: 'Job queue',
    title: 'The job is done',
    reason: 'A finished one-time job cannot be held or released.',
    action: 'Run it again, or modify its schedule, before changing its state.',
  },
  E3377: {
    module: 'Devices',
    title: 'Device or device group not found',
    reason: 'The device or group was removed, or the list shown is out of date.',
    action: 'Refresh the device list and choose an existing device or group.',
  },
  E3378: {
    module: 'Devices',
    title: 'That name is already used',
    reason: 'Device groups, devices and device folders must each have a unique name.',
    action: 'Choose another name (or another folder) and save again.',
  },
  E3379: {
    module: 'Backup task',
    title: 'The session or job run is not in the expected state',
    reason: 'The session is no longer being written, or the job run has already finished (for example after a restart).',
    action: 'Look at the job in the Activity Log; run the job again if it failed.',
  },
  W3380: {
    module: 'Backup task',
    title: 'Virus detected',
    reason: 'The virus scanner found a known signature in a file being backed up; the file was backed up as it is on the Replica (and on the Master).',
    action: 'Clean the file on the Master (it replicates to the Replica); restore an earlier clean version if needed. The Activity Log names the file and the signature.',
  },
  W3381: {
    module: 'Backup task',
    title: 'The backed-up files could not be scanned for viruses',
    reason: 'The virus scanner (ClamAV clamscan) is not installed or has no signature database, or it failed.',
    action: 'Install ClamAV and update its signatures (freshclam), or turn virus scanning off in the job options.',
  },
  E3382: {
    module: 'Restore task',
    title: 'The restore selection is not valid',
    reason: 'A selected session or path is not in the catalog, the selection mixes scenarios, or it asks for part of a SQL Server or Exchange scenario (those restore only as a whole).',
    action: 'Refresh the Restore Manager, select again (a whole scenario for SQL Server and Exchange) and resubmit.',
  },
  E3383: {
    module: 'Restore task',
    title: 'The restore destination is not valid',
    reason: 'The destination folder is not an absolute path on its host, cannot be created, or the chosen Replica is not part of the scenario.',
    action: 'Choose an existing Replica, or an absolute folder on a connected host that its engine may write to, and resubmit.',
  },
  E3384: {
    module: 'Restore task',
    title: 'The application is still running',
    reason: "The restored files wait beside the live ones as <name>.TMP until the application is stopped; its 'is running' check says it still runs.",
    action: 'Stop the application (the SQL Server or Exchange service), then apply the pending restore again.',
  },
  E3385: {
    module: 'Restore task',
    title: 'A restored file could not be written at the destination',
    reason: 'The destination engine could not create or replace a file or folder (no space, no permission, or a folder stands where a file goes).',
    action: 'Free space or fix the permissions at the destination named in the message, then run the restore again; nothing half-written was left.',
  },
  E3386: {
    module: 'Restore task',
    title: 'There is nothing to apply or send for this restore job',
    reason: 'The job restored nothing pending (no <name>.TMP files), did not restore to a Replica, or has not completed.',
    action: 'Choose a completed restore job to a Replica (send to Master) or one that reported "restart required" (apply pending).',
  },
  E3387: {
    module: 'Backup task',
    title: 'Control of the scenario was taken from the backup job',
    reason: 'An administrator chose "take control" when opening the scenario in the Replication Manager while this job was backing it up; the job stopped reading the snapshot and its session for the scenario was removed.',
    action: 'Run the job again (Job Status Manager → Run now) once the administrator has finished with the scenario.',
  },
  E3388: {
    module: 'Backup task',
    title: 'A written session did not verify',
    reason: "Reading the session back from the device (the job's Verification option) found a file whose checksum differs from the one recorded, or the archive could not be read.",
    action: 'Check the device (disk errors, free space), then run the job again; the session was marked failed and is not offered for restore.',
  },
  E3389: {
    module: 'Backup task',
    title: 'The folder source cannot be read',
    reason: "The folder does not exist any more on its host, the host's engine may not read it, or the engine does not answer.",
    action: "Check the folder and its host's engine (Backup Manager → Source → Folders shows where it is), then run the job again; remove the source if the folder is gone for good.",
  },
  E3390: {
    module: 'Backup task',
    title: 'The folder cannot be used as a disk device',
    reason: 'The path is not absolute, or the backup server cannot create the folder or write in it (permissions, read-only or full volume).',
    action: 'Choose an absolute folder on the backup server that its account may write to, with room for the sessions, and add the device again.',
  },
  AE0457: {
    module: 'Agent',
    title: 'The Replica could not run Assured Recovery or suspend the scenario before the backup',
    reason: 'The Replica engine refused or failed the AR test or the suspension that makes the snapshot consistent.',
    action: "See the Replica's events for the cause (AR commands, engine state), fix it and run the backup again.",
  },
  AE0458: {
    module: 'Agent',
    title: 'The backup image could not be created',
    reason: 'The Replica engine ran out of resources or failed while the snapshot was read.',
    action: "Check the Replica host's free disk space and the engine's events, then run the backup again.",
  },
  AE0459: {
    module: 'Agent',
    title: "The credentials for the host's engine are insufficient or incorrect",
    reason: 'No engine administrator credentials were given for that host, or its engine refused the ones given.',
    action: "Enter the engine administrator's user name and password for the host named in the message (as set with `understudy-engine set-admin` there), then try again.",
  },

  AE0460: {
    module: 'Agent',
    title: 'Snapshot creation failed on the Replica',
    reason: 'The Replica could not pin a snapshot, for example because its disk is full or the Replica is not synchronized.',
    action: 'Free disk space on the Replica host or wait until it shows Replicating, then run the backup again.',
  },
  AE0461: {
    module: 'Agent',
    title: 'Some snapshots could not be released after the backup',
    reason: 'The Replica engine was unreachable or refused the release when the backup finished.',
    action: 'Release the snapshots from the Snapshots tab when the Replica is reachable; until then the rewind journal cannot be trimmed past them.',
  },
  AE0463: {
    module: 'Agent',
    title: 'Cannot attach to the scenario',
    reason: 'The Replica or Master engine is down, or the network between this host and it failed.',
    action: 'Start the engine (understudy-engine serve) or fix the network, then run the backup again.',
  },
  AE0464: {
    module: 'Agent',
    title: 'The scenario could not be stopped before the restore',
    reason: 'A backup job controls the scenario, or its Master engine did not stop it in time (down, unreachable or busy).',
    action: 'Stop the scenario yourself, or choose the option to continue without stopping it, then restore again.',
  },
  AE0465: {
    module: 'Agent',
    title: 'The scenario is not replicating',
    reason: 'A backup is taken from the Replica of a running scenario; this one is stopped, synchronizing or in error.',
    action: 'Run the scenario and wait until its Replica shows Replicating, then run the backup again.',
  },
  AE0467: {
    module: 'Agent',
    title: 'Backup is not supported for this Master or Replica',
    reason: "The scenario's host names cannot be resolved or do not match the engines that answer.",
    action: 'Correct the host names in the scenario (they must resolve from this host), then run the backup again.',
  },
  AE0468: {
    module: 'Agent',
    title: 'Bad parameters passed to the replication engine',
    reason: 'An internal request to the Replica engine was malformed (a version mismatch between manager and engine).',
    action: 'Make sure the manager and engines run the same version of Understudy.',
  },
  AE0469: {
    module: 'Agent',
    title: 'The replication operation timed out',
    reason: "The Replica engine did not answer within the job's timeout (default 180 s).",
    action: "Check the Replica host's load and network, or raise the timeout in the job options, then run the backup again.",
  },
  AE0470: {
    module: 'Agent',
    title: 'Another backup already holds the scenario',
    reason: 'Only one backup or restore may control a scenario at a time.',
    action: 'Wait for the other job to finish (Job Status Manager), then retry.',
  },
  AE0471: {
    module: 'Agent',
    title: 'The scenario has neither Assured Recovery nor suspension configured',
    reason: 'A consistent snapshot needs one of them; the scenario allows neither.',
    action: "Turn on Assured Recovery, or allow suspension for backup, in the scenario's properties.",
  },
  AE0472: {
    module: 'Agent',
    title: 'Unclassified replication error',
    reason: 'The Replica engine reported an error this job does not recognise.',
    action: 'See the replication events of the scenario for details.',
  },
} as const satisfies Record<string, MessageDefinition>;

export type MessageCode = keyof typeof catalogue;
