import type { ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import type { OptionsFieldErrors, OptionsForm, TextControl } from './replication-options-form';

export interface OptionFieldsProps {
  form: OptionsForm;
  fieldErrors: OptionsFieldErrors;
  update(patch: Partial<OptionsForm>): void;
}

interface OptionTextFieldProps extends OptionFieldsProps {
  control: TextControl;
  label: string;
  placeholder?: string;
  /** Numbers get the decimal keypad; commands and times plain text. */
  numeric?: boolean;
  wide?: boolean;
}

/** One typed option of the Properties tab, labelled, with its error underneath. */
export function OptionTextField({ form, fieldErrors, update, control, label, placeholder, numeric = true, wide = false }: OptionTextFieldProps): ReactElement {
  const id = `opt-${control}`;
  return (
    <Field id={id} label={label} error={fieldErrors[control]} wide={wide}>
      <input
        {...inputProps(id, fieldErrors[control])}
        inputMode={numeric ? 'decimal' : undefined}
        spellCheck={false}
        placeholder={placeholder}
        value={form[control]}
        onChange={(event) => update({ [control]: event.target.value })}
      />
    </Field>
  );
}
