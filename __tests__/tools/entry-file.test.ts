/** analyzeEntryFile on the shapes tsc (AMD, esModuleInterop off) really emits. */
import { analyzeEntryFile } from '../../tools/sdf/entry-file';

const HEADER = '/**\n * @NApiVersion 2.1\n * @NScriptType UserEventScript\n */\n';

test('re-exports through Object.defineProperty count as exports; __esModule does not', () => {
  const a = analyzeEntryFile(
    HEADER +
      'define(["require", "exports", "../app/ue"], function (require, exports, ue_1) {\n' +
      '    "use strict";\n' +
      '    Object.defineProperty(exports, "__esModule", { value: true });\n' +
      '    exports.beforeSubmit = exports.afterSubmit = void 0;\n' +
      '    Object.defineProperty(exports, "afterSubmit", { enumerable: true, get: function () { return ue_1.afterSubmit; } });\n' +
      '    Object.defineProperty(exports, "beforeSubmit", { enumerable: true, get: function () { return ue_1.beforeLoad; } });\n' +
      '});\n',
  );
  expect(a.exports).toEqual(['afterSubmit', 'beforeSubmit']);
  expect(a.header).toEqual({ headerFirst: true, tags: { NApiVersion: '2.1', NScriptType: 'UserEventScript' }, tagsElsewhere: false });
  expect(a.defineCount).toBe(1);
  expect(a.defineLine).toBe(5);
});

test('declared-only names (`exports.x = void 0`) are not exports until assigned', () => {
  const a = analyzeEntryFile(HEADER + 'define(["require", "exports"], function (require, exports) {\n    exports.afterSubmit = exports.beforeLoad = void 0;\n    exports.afterSubmit = function () { };\n    exports.default = 1;\n});\n');
  expect(a.exports).toEqual(['afterSubmit', 'default']);
  const chained = analyzeEntryFile(HEADER + 'define(["require", "exports"], function (require, exports) {\n    exports.beforeLoad = exports.afterSubmit = function () { };\n});\n');
  expect(chained.exports).toEqual(['afterSubmit', 'beforeLoad']);
});

test('hand-written `return { ... }` modules list their returned keys', () => {
  const a = analyzeEntryFile(HEADER + 'define(["N/log"], function (log) {\n    function afterSubmit() { log.debug("x"); }\n    return { afterSubmit: afterSubmit, "beforeLoad": function () { } };\n});\n');
  expect(a.exports).toEqual(['afterSubmit', 'beforeLoad']);
  expect(a.topLevelNCalls).toEqual([]);
});

test('one-line header and tags in any order', () => {
  const a = analyzeEntryFile('/** @NScriptType Suitelet @NApiVersion 2.1 */\ndefine([], function () { return { onRequest: function () { } }; });\n');
  expect(a.header.tags).toEqual({ NScriptType: 'Suitelet', NApiVersion: '2.1' });
});

test('N/ calls in nested functions, getters, class bodies and callbacks are not load-time', () => {
  const a = analyzeEntryFile(
    HEADER +
      'define(["require", "exports", "N/search"], function (require, exports, search) {\n' +
      '    const api = { get t() { return search.create({ type: "x" }); } };\n' +
      '    class C { m() { return search.lookupFields({}); } }\n' +
      '    const later = [1].map(() => search.create({ type: "y" }));\n' +
      '    exports.afterSubmit = function () { return [api, C, later]; };\n' +
      '});\n',
  );
  // `[1].map(cb)` runs the callback at load time, but the analysis cannot know what map does:
  // arrows are treated as deferred, like every function. Immediately invoked functions are not.
  expect(a.topLevelNCalls).toEqual([]);
});
