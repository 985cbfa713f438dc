/**
 * NetSuite-like error pages: the error code as heading and its message, no stack trace (NetSuite
 * shows none to the user; the Execution Log has the details). Everything is escaped.
 */
import { esc } from '../ui/html';

export function errorPage(code: string, message: string, reference?: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Error - NetSuite</title></head>
<body>
<main id="main">
<h1>An error has occurred</h1>
<div role="alert">
<p class="ns-error-code"><strong>${esc(code)}</strong></p>
<p class="ns-error-message">${esc(message)}</p>
${reference ? `<p class="ns-error-reference">Reference: ${esc(reference)}</p>` : ''}
</div>
</main>
</body>
</html>
`;
}
