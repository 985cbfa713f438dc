/**
 * What the server must remember about a rendered form to read its POST the way NetSuite does:
 * unchecked checkboxes arrive as 'F', multi-selects as one \u0005-joined value, credential
 * fields become GUIDs, and sublist cells fold into getLineCount/getSublistValue. The page
 * carries only an opaque token (`_emu_form`); the descriptor itself stays on the server, so a
 * client cannot change which fields are treated as credentials.
 */
import type { CredentialSpec } from './form';

export const FORM_TOKEN_PARAM = '_emu_form';

export interface SublistDescriptor {
  id: string;
  type: string;
  /** Column ids in order, with the checkbox ones flagged (unchecked cells submit nothing). */
  fields: { id: string; checkbox: boolean }[];
  /** Lines rendered with inputs, including the empty "new line" row of an editor. */
  renderedLines: number;
  /** True for editors: a line whose cells are all empty is not a line. */
  dropsEmptyLines: boolean;
}

export interface CredentialDescriptor {
  id: string;
  maxLength: number;
  spec: CredentialSpec;
  /** The GUID set as defaultValue (a stored credential): kept when the field is left blank. */
  storedGuid?: string;
}

export interface FormDescriptor {
  token: string;
  scriptId: string;
  deploymentId: string;
  checkboxes: string[];
  multiselects: string[];
  credentials: CredentialDescriptor[];
  /** Plain PASSWORD fields: the script gets their clear text, the request log never does. */
  passwords: string[];
  sublists: SublistDescriptor[];
}
