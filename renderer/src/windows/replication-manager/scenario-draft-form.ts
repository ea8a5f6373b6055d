import type { ScenarioDraft, ScenarioType } from '../../../../electron/api/contract';

/** The dialog's editable text, before it becomes a draft. */
export interface DraftForm {
  name: string;
  type: ScenarioType;
  masterHost: string;
  /** One root directory per line. */
  roots: string;
  replicas: { host: string; target: string }[];
}

export const EMPTY_FORM: DraftForm = {
  name: '',
  type: 'FileServer',
  masterHost: 'localhost',
  roots: '',
  replicas: [{ host: 'localhost', target: '' }],
};

export function toDraft(form: DraftForm): ScenarioDraft {
  return {
    name: form.name,
    type: form.type,
    master: { host: form.masterHost, roots: form.roots.split(/\r?\n/).filter((line) => line.trim() !== '') },
    replicas: form.replicas,
  };
}

/** Field errors from the engine keyed by draft path, regrouped by the dialog's controls. */
export function errorsByControl(fields: Record<string, string>): Record<string, string> {
  const byControl: Record<string, string[]> = {};
  const add = (control: string, message: string): void => {
    (byControl[control] ??= []).push(message);
  };
  for (const [field, message] of Object.entries(fields)) {
    const root = /^master\.roots\.(\d+)$/.exec(field);
    if (root) add('roots', `Line ${Number(root[1]) + 1}: ${message}`);
    else if (field === 'master.roots') add('roots', message);
    else if (field === 'master.host') add('masterHost', message);
    else add(field, message);
  }
  return Object.fromEntries(Object.entries(byControl).map(([control, messages]) => [control, messages.join(' ')]));
}
