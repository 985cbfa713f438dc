/**
 * Runs a form's client script in the local runtime's browser pages, as NetSuite does: the module
 * named by the form's clientScriptModulePath is loaded with RequireJS from the File Cabinet,
 * N/currentRecord is ./currentRecord.js (served as N/currentRecord), and the entry points run on their events: pageInit
 * once loaded, fieldChanged after a body field changes, saveRecord before the form's own submit
 * button submits it (false stops it); buttons added with a functionName call that function. A module that fails to
 * load (a missing file, a server-only N/ module) shows an alert on the page, as the page cannot
 * work as its author meant.
 */
(function () {
  'use strict';
  var form = document.getElementById('main_form');
  var boot = document.getElementById('ns_client_boot');
  if (!form || !boot) return;

  function fail(message) {
    var box = document.createElement('div');
    box.className = 'ns-message ns-message-error';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-client-script-error', 'T');
    box.textContent = 'Client script error: ' + message;
    form.parentNode.insertBefore(box, form);
  }

  requirejs.config({ baseUrl: boot.getAttribute('data-base-url'), paths: { N: boot.getAttribute('data-n-url') }, waitSeconds: 20 });
  requirejs.onError = function (e) {
    fail((e.requireModules ? e.requireModules.join(', ') + ': ' : '') + e.message);
  };

  requirejs([boot.getAttribute('data-module'), 'N/currentRecord'], function (cs, currentRecord) {
    var rec = currentRecord.get();
    function run(name, context) {
      if (typeof cs[name] !== 'function') return undefined;
      try {
        return cs[name](context);
      } catch (e) {
        fail(name + ': ' + (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : String(e)));
        return undefined;
      }
    }
    function changed(fieldId) {
      run('fieldChanged', { currentRecord: rec, sublistId: null, fieldId: fieldId });
    }
    currentRecord.__onScriptChange(changed);
    form.addEventListener('change', function (event) {
      var el = event.target;
      // Body fields of the form only: not a sublist's cells, nor inputs a script wrote into an INLINEHTML field.
      var box = el && el.name ? el.closest('.ns-field[data-field-id]') : null;
      if (box && box.getAttribute('data-field-id') === el.name && !el.closest('table')) changed(el.name);
    });
    form.addEventListener('submit', function (event) {
      // saveRecord runs when the record is saved (the form's own submit button), not for other buttons.
      var by = event.submitter;
      var saving = !by || by.name === 'submitter';
      if (saving && typeof cs.saveRecord === 'function' && run('saveRecord', { currentRecord: rec }) === false) event.preventDefault();
    });
    Array.prototype.forEach.call(form.querySelectorAll('button[data-function]'), function (b) {
      var fn = cs[b.getAttribute('data-function')];
      if (typeof fn !== 'function') return;
      b.disabled = false;
      b.removeAttribute('aria-describedby');
      b.addEventListener('click', function () { fn(); });
    });
    var note = document.getElementById('ns_client_note');
    if (note && !form.querySelector('button[data-function][disabled]')) note.hidden = true;
    run('pageInit', { currentRecord: rec, mode: 'create' });
    form.setAttribute('data-client-script-ready', 'T');
  });
})();
