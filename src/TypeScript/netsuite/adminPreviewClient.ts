/**
 * In the browser: Enter in the payload preview's Internal id box shows the preview. Left to the
 * browser, Enter in a text box submits the form with its first button, Save settings: a save the
 * administrator did not ask for, of whatever the settings fields hold at that moment.
 *
 * Only the page's window is used, as in adminProgressClient (no N/ module is needed).
 * [open] That NetSuite gives the field's input the field id (sandbox check N33): if not, no box
 * is found, nothing is added, and Enter does what the browser does by default.
 */
import { ACTION_PARAM } from '../domain/problemActions';
import { PREVIEW_ACTION, PREVIEW_FIELD } from './adminFieldIds';

interface KeyEvent {
  key: string;
  isComposing?: boolean;
  keyCode?: number;
  preventDefault(): void;
}

interface PageElement {
  addEventListener(type: 'keydown', listener: (event: KeyEvent) => void): void;
  click(): void;
}

interface BrowserWindow {
  document: {
    getElementById(id: string): PageElement | null;
    querySelector(selector: string): PageElement | null;
  };
}

/** pageInit: Enter in the id box presses "Show what would be sent" instead. */
export function previewOnEnter(win: BrowserWindow = globalThis as unknown as BrowserWindow): void {
  const box = win.document.getElementById(PREVIEW_FIELD.id);
  if (!box) return;
  box.addEventListener('keydown', (event) => {
    // Enter that ends an input method's composition is not a submit (Safari reports that Enter
    // after compositionend, with isComposing false but keyCode 229).
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    win.document.querySelector(`button[name="${ACTION_PARAM}"][value="${PREVIEW_ACTION}"]`)?.click();
  });
}
