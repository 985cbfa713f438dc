/**
 * N/currentRecord in the local runtime's browser pages: the page's form as the record a client
 * script works on. Body fields only: getValue, setValue (firing fieldChanged unless
 * ignoreFieldChange), getText and getField, whose isDisplay, isDisabled and isMandatory show on
 * the page. Loaded by RequireJS for client scripts (see boot.js); plain browser JavaScript.
 */
define([], function () {
  'use strict';

  var listeners = [];

  /**
   * The field's input, select or textarea; for an INLINE field, the text that shows its value; a
   * HIDDEN field's input. Only the form's own fields: an input a script wrote into an INLINEHTML
   * field is no field of the record.
   */
  function control(fieldId) {
    var form = document.getElementById('main_form');
    if (!form) return null;
    var id = CSS.escape(fieldId);
    var box = form.querySelector('.ns-field[data-field-id="' + id + '"]');
    if (box) return box.querySelector('[name="' + id + '"]:not([type="hidden"])') || box.querySelector('[name="' + id + '"]') || box.querySelector('.ns-inline');
    return form.querySelector(':scope > input[type="hidden"][name="' + id + '"]');
  }

  function isInline(el) {
    return el.classList.contains('ns-inline');
  }

  function wrapper(fieldId) {
    return document.querySelector('#main_form [data-field-id="' + CSS.escape(fieldId) + '"]');
  }

  function valueOf(el) {
    if (isInline(el)) return el.textContent;
    if (el.type === 'checkbox') return el.checked;
    if (el.tagName === 'SELECT' && el.multiple) return Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    return el.value;
  }

  function textOf(el) {
    if (el.tagName === 'SELECT') {
      var chosen = Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.text; });
      return el.multiple ? chosen : chosen[0] || '';
    }
    if (isInline(el)) return el.textContent;
    return el.type === 'checkbox' ? (el.checked ? 'T' : 'F') : el.value;
  }

  function need(options, name, api) {
    if (!options || options[name] === undefined || options[name] === null || options[name] === '') {
      var e = new Error(api + ': Missing a required argument: options.' + name);
      e.name = 'SSS_MISSING_REQD_ARGUMENT';
      throw e;
    }
    return options[name];
  }

  function Field(fieldId, el) {
    var box = wrapper(fieldId);
    var label = box ? box.querySelector('label') : null;
    Object.defineProperties(this, {
      id: { value: fieldId, enumerable: true },
      label: { value: label ? label.textContent.replace(/ \*$/, '') : '', enumerable: true },
      isDisplay: {
        enumerable: true,
        get: function () { return !(box && box.hidden); },
        set: function (v) { if (box) box.hidden = !v; },
      },
      isDisabled: {
        enumerable: true,
        get: function () { return el.disabled; },
        set: function (v) { el.disabled = !!v; },
      },
      isMandatory: {
        enumerable: true,
        get: function () { return el.required; },
        set: function (v) { el.required = !!v; },
      },
    });
  }

  var record = {
    type: null,
    id: null,
    isDynamic: true,
    getValue: function (options) {
      var el = control(need(typeof options === 'string' ? { fieldId: options } : options, 'fieldId', 'CurrentRecord.getValue'));
      return el ? valueOf(el) : null;
    },
    getText: function (options) {
      var el = control(need(typeof options === 'string' ? { fieldId: options } : options, 'fieldId', 'CurrentRecord.getText'));
      return el ? textOf(el) : null;
    },
    setValue: function (options) {
      var fieldId = need(options, 'fieldId', 'CurrentRecord.setValue');
      var el = control(fieldId);
      if (!el) return record;
      var v = options.value;
      if (isInline(el)) el.textContent = v === null || v === undefined ? '' : String(v);
      else if (el.type === 'checkbox') el.checked = v === true || v === 'T';
      else if (el.tagName === 'SELECT' && el.multiple) {
        var wanted = (Array.isArray(v) ? v : [v]).map(String);
        Array.prototype.forEach.call(el.options, function (o) { o.selected = wanted.indexOf(o.value) >= 0; });
      } else el.value = v === null || v === undefined ? '' : String(v);
      if (!options.ignoreFieldChange) listeners.forEach(function (f) { f(fieldId); });
      return record;
    },
    getField: function (options) {
      var fieldId = need(typeof options === 'string' ? { fieldId: options } : options, 'fieldId', 'CurrentRecord.getField');
      var el = control(fieldId);
      return el ? new Field(fieldId, el) : null;
    },
  };

  return {
    get: function () { return record; },
    /** For boot.js: called with the field id after a script's setValue (NetSuite then runs fieldChanged). */
    __onScriptChange: function (f) { listeners.push(f); },
  };
});
