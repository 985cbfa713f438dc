/**
 * The entitycustomfield search type lists the custom entity fields with the columns the settings
 * page reads: scriptid (upper case), label, fieldtype (value: the SDF type; text: the UI label),
 * appliestocustomer, appliestocontact.
 */
import { fixtureRuntime } from './helpers/fixtureRuntime';
import { inExecution, n } from './helpers/inExecution';

test('a search of the entitycustomfield type lists the custom entity fields with their type and the records they apply to', () => {
  const rt = fixtureRuntime();
  rt.defineEntityField({ scriptId: 'custentity_fsc_score', label: 'Score', fieldType: 'FLOAT', appliesToCustomer: true, appliesToContact: true });
  rt.defineEntityField({ scriptId: 'custentity_fsc_badge', label: 'Badge', fieldType: 'CHECKBOX', appliesToCustomer: false, appliesToContact: false, appliesToEmployee: true });
  inExecution(rt, () => {
    const search = n(rt, 'N/search');
    const rows = search
      .create({ type: 'entitycustomfield', filters: [['scriptid', 'startswith', 'CUSTENTITY_FSC_']], columns: [search.createColumn({ name: 'label', sort: search.Sort.ASC }), 'scriptid', 'fieldtype', 'appliestocustomer', 'appliestocontact'] })
      .run()
      .getRange({ start: 0, end: 1000 });
    type Row = { getValue(c: string): unknown; getText(c: string): unknown };
    expect(rows.map((r: Row) => [r.getValue('label'), r.getValue('scriptid'), r.getValue('fieldtype'), r.getText('fieldtype'), r.getValue('appliestocustomer'), r.getValue('appliestocontact')])).toEqual([
      ['Badge', 'CUSTENTITY_FSC_BADGE', 'CHECKBOX', 'Check Box', false, false],
      ['Score', 'CUSTENTITY_FSC_SCORE', 'FLOAT', 'Decimal Number', true, true],
    ]);
    expect(() => search.create({ type: 'entitycustomfield', columns: ['companyname'] }).run().getRange({ start: 0, end: 1 })).toThrow(expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL' }));
  });
});
