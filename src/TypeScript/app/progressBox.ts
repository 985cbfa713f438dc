/**
 * Where the admin page's "What runs now" box lives and how it is asked for again: shared by the
 * page (app/progressView.ts) and the browser (netsuite/adminProgressClient.ts), which loads only
 * this small module.
 */
export const PROGRESS_BOX_ID = 'custpage_progress';
/** The GET parameter that asks the Suitelet for the box alone. */
export const PROGRESS_PARAM = 'fsc_part';
export const PROGRESS_PART = 'progress';
/** How often the browser asks again while something runs. */
export const REFRESH_MS = 5000;
