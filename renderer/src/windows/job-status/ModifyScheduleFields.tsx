import type { ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { WEEKDAYS } from '../../components/schedule-fields';
import { SCHEDULE_KINDS, type ModifyErrors, type ModifyForm } from './job-modify-form';

interface ModifyFieldsProps {
  form: ModifyForm;
  errors: ModifyErrors;
  update(patch: Partial<ModifyForm>): void;
}

/** The Modify dialog's Schedule group: once at a time, daily, weekly on chosen days, or every N hours (times are the backup server's local time). */
export function ModifyScheduleFields({ form, errors, update }: ModifyFieldsProps): ReactElement {
  const toggleDay = (day: number, on: boolean): void => update({ days: on ? [...form.days, day].sort((a, b) => a - b) : form.days.filter((chosen) => chosen !== day) });
  return (
    <fieldset className="options-group">
      <legend>Schedule</legend>
      <div className="schedule-kinds" role="radiogroup" aria-label="Repeat">
        {SCHEDULE_KINDS.map(({ kind, label }) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="modify-schedule-kind" checked={form.scheduleKind === kind} onChange={() => update({ scheduleKind: kind })} /> {label}
          </label>
        ))}
      </div>
      {form.scheduleKind === 'once' && (
        <Field id="modify-once-at" label="Run at" error={errors.onceAt}>
          <input {...inputProps('modify-once-at', errors.onceAt)} type="datetime-local" value={form.onceAt} onChange={(event) => update({ onceAt: event.target.value })} />
        </Field>
      )}
      {form.scheduleKind === 'weekly' && (
        <fieldset className="weekdays" aria-label="Days" aria-invalid={errors.days ? true : undefined}>
          {WEEKDAYS.map((name, day) => (
            <label key={name} className="checkbox">
              <input type="checkbox" checked={form.days.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} /> {name}
            </label>
          ))}
          {errors.days && <p className="field-error">{errors.days}</p>}
        </fieldset>
      )}
      {(form.scheduleKind === 'daily' || form.scheduleKind === 'weekly') && (
        <Field id="modify-time" label="Time (HH:MM, 24-hour)" error={errors.time}>
          <input {...inputProps('modify-time', errors.time)} value={form.time} placeholder="22:00" inputMode="numeric" onChange={(event) => update({ time: event.target.value })} />
        </Field>
      )}
      {form.scheduleKind === 'everyHours' && (
        <>
          <Field id="modify-hours" label="Every (hours)" error={errors.hours}>
            <input {...inputProps('modify-hours', errors.hours)} value={form.hours} inputMode="numeric" onChange={(event) => update({ hours: event.target.value })} />
          </Field>
          <Field id="modify-from" label="Counting from" error={errors.from}>
            <input {...inputProps('modify-from', errors.from)} type="datetime-local" value={form.from} onChange={(event) => update({ from: event.target.value })} />
          </Field>
        </>
      )}
      <p className="note">Times are the backup server&apos;s local time. A one-time job set to a time already past runs at once; one that has already run stays Done.</p>
    </fieldset>
  );
}
