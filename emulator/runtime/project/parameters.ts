/** Script parameter values typed by their field type, as runtime.getParameter returns them. */
import type { ScriptDefinition, DeploymentDefinition, FieldType } from './definitions';
import { isCheckedText } from '../values';

function typedParameter(fieldType: FieldType | undefined, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  switch (fieldType) {
    case 'CHECKBOX':
      return isCheckedText(raw);
    case 'INTEGER':
      return raw === '' ? null : Number.parseInt(raw, 10);
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT':
      return raw === '' ? null : Number.parseFloat(raw);
    case 'MULTISELECT':
      return raw === '' ? [] : raw.split(/[|,]/).map((s) => s.trim());
    default:
      return raw;
  }
}

/** Parameters of one run: defaults, then the deployment's values, then the caller's overrides. */
export function runParameters(script: ScriptDefinition, deployment: DeploymentDefinition, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const typeOf = new Map(script.parameters.map((p) => [p.scriptId.toLowerCase(), p.fieldType]));
  for (const p of script.parameters) {
    if (p.defaultValue !== undefined) out[p.scriptId.toLowerCase()] = typedParameter(p.fieldType, p.defaultValue);
  }
  for (const [k, v] of Object.entries(deployment.parameterValues)) out[k.toLowerCase()] = typedParameter(typeOf.get(k.toLowerCase()), v);
  for (const [k, v] of Object.entries(overrides)) out[k.toLowerCase()] = typedParameter(typeOf.get(k.toLowerCase()), v);
  return out;
}
