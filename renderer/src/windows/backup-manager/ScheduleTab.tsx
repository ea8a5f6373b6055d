import type { ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { useBackupManager } from '../../store/backup-manager';
import { NextRun } from './NextRun';
import { toggleDay, WEEKDAYS } from '../../components/schedule-fields';
import type { RepeatChoice, RunChoice } from './schedule-form';

const RUN_CHOICES: ReadonlyArray<{ value: RunChoice; label: string }> = [
  { value: 'now', label: 'Run now' },
  { value: 'once', label: 'Once at' },
  { value: 'repeating', label: 'Repeating' },
];
const REPEAT_CHOICES: ReadonlyArray<{ value: RepeatChoice; label: string }> = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'everyHours', label: 'Every N hours' },
];

/**
 * The Schedule tab: run now, once at a time, or repeating (daily, on chosen weekdays, every
 * N hours), with when it would run next; and whether the job is submitted on hold. Daily and
 * weekly times are the backup server's local time.
 */
export function ScheduleTab(): ReactElement {
  const form = useBackupManager((state) => state.schedule);
  const errors = useBackupManager((state) => state.scheduleErrors);
  const hold = useBackupManager((state) => state.hold);
  const update = useBackupManager((state) => state.setSchedule);
  const setHold = useBackupManager((state) => state.setHold);
  return (
    <div className="backup-tab form" role="group" aria-label="Schedule">
      <fieldset className="options-group">
        <legend>When</legend>
        {RUN_CHOICES.map((choice) => (
          <label key={choice.value} className="checkbox">
            <input type="radio" name="backup-run" checked={form.run === choice.value} onChange={() => update({ run: choice.value })} />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {form.run === 'once' && (
        <Field id="backup-once-at" label="Date and time" error={errors.at}>
          <input {...inputProps('backup-once-at', errors.at)} type="datetime-local" value={form.at} onChange={(event) => update({ at: event.target.value })} />
        </Field>
      )}
      {form.run === 'repeating' && (
        <fieldset className="options-group">
          <legend>Repeat</legend>
          <div className="choice-row">
            {REPEAT_CHOICES.map((choice) => (
              <label key={choice.value} className="checkbox">
                <input type="radio" name="backup-repeat" checked={form.repeat === choice.value} onChange={() => update({ repeat: choice.value })} />
                {choice.label}
              </label>
            ))}
          </div>
          {form.repeat === 'weekly' && (
            <fieldset className="field weekdays" aria-describedby={errors.days ? 'backup-days-error' : undefined}>
              <legend>Days</legend>
              <div className="choice-row">
                {WEEKDAYS.map((day, index) => (
                  <label key={day} className="checkbox">
                    <input type="checkbox" checked={form.days.includes(index)} onChange={() => update({ days: toggleDay(form.days, index) })} />
                    {day}
                  </label>
                ))}
              </div>
              {errors.days && (
                <p className="field-error" id="backup-days-error">
                  {errors.days}
                </p>
              )}
            </fieldset>
          )}
          {form.repeat === 'everyHours' ? (
            <>
              <Field id="backup-every-hours" label="Every (hours)" error={errors.hours}>
                <input {...inputProps('backup-every-hours', errors.hours)} type="number" min={1} max={168} value={form.hours} onChange={(event) => update({ hours: event.target.value })} />
              </Field>
              <Field id="backup-every-from" label="Starting (blank: when submitted)" error={errors.from}>
                <input {...inputProps('backup-every-from', errors.from)} type="datetime-local" value={form.from} onChange={(event) => update({ from: event.target.value })} />
              </Field>
            </>
          ) : (
            <Field id="backup-repeat-time" label="Time" error={errors.time}>
              <input {...inputProps('backup-repeat-time', errors.time)} type="time" value={form.time} onChange={(event) => update({ time: event.target.value })} />
            </Field>
          )}
        </fieldset>
      )}
      <NextRun form={form} />
      <label className="checkbox">
        <input type="checkbox" checked={hold} onChange={(event) => setHold(event.target.checked)} />
        Submit on hold
        <small className="muted">— the job waits in the queue until it is released in the Job Status Manager</small>
      </label>
    </div>
  );
}
